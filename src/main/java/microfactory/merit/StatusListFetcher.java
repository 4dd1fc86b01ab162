package microfactory.merit;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import microfactory.merit.credentials.CredentialException;

/**
 * Fetches another issuer's status list for the public verifier. Anyone can make the server fetch a URL this way,
 * so only https to public addresses, no redirects, and at most 1 MB are allowed.
 */
final class StatusListFetcher {

    static final int MAX_BYTES = 1 << 20;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
        .followRedirects(HttpClient.Redirect.NEVER).build();

    JsonObject fetch(String url) throws CredentialException {
        URI uri = publicHttps(url);
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .header("Accept", "application/vc+ld+json, application/json").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new CredentialException("status", "the status list " + url + " answered HTTP " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw new CredentialException("status", "the status list " + url + " is larger than " + MAX_BYTES + " bytes");
                }
                try (var reader = Json.createReader(new java.io.ByteArrayInputStream(bytes))) {
                    return reader.readObject();
                }
            }
        } catch (IOException | JsonException | ClassCastException e) {
            throw new CredentialException("status", "the status list " + url + " could not be read: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CredentialException("status", "interrupted while reading the status list " + url);
        }
    }

    /** The URL, when it is https to a host whose every address is public; else why not. */
    static URI publicHttps(String url) throws CredentialException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new CredentialException("status", "statusListCredential " + url + " is not a URL");
        }
        if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new CredentialException("status", "statusListCredential " + url + " must be an https URL");
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress() || address.isMulticastAddress()
                        || (address.getAddress().length == 16 && (address.getAddress()[0] & 0xFE) == 0xFC)) {
                    throw new CredentialException("status", "the status list host " + uri.getHost() + " is not a public address");
                }
            }
        } catch (UnknownHostException e) {
            throw new CredentialException("status", "the status list host " + uri.getHost() + " is unknown");
        }
        return uri;
    }
}
