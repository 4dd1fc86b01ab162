package microfactory.merit;

import java.io.ByteArrayInputStream;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import microfactory.common.GuardedFetcher;
import microfactory.common.GuardedFetcher.FetchRefused;
import microfactory.merit.credentials.CredentialException;

/**
 * Fetches another issuer's status list for the public verifier. Anyone can make the server fetch a URL this way, so
 * it goes through the {@link GuardedFetcher}: https to public addresses only, no redirects, at most 1 MB.
 */
final class StatusListFetcher {

    static final int MAX_BYTES = 1 << 20;

    private final GuardedFetcher fetcher;

    StatusListFetcher(GuardedFetcher fetcher) {
        this.fetcher = fetcher;
    }

    JsonObject fetch(String url) throws CredentialException {
        byte[] bytes;
        try {
            bytes = fetcher.get(url, "application/vc+ld+json, application/json", MAX_BYTES);
        } catch (FetchRefused e) {
            throw new CredentialException("status", "the status list could not be fetched: " + e.getMessage());
        }
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(bytes))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new CredentialException("status", "the status list " + url + " is not a JSON object");
        }
    }
}
