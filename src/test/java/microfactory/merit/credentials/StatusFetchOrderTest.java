package microfactory.merit.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import microfactory.merit.credentials.Verification.Finding;

/**
 * The public verifier fetches status lists on a stranger's behalf, so it fetches as little as it can: nothing for a
 * credential whose proof fails, and one list per credential at most.
 */
class StatusFetchOrderTest {

    private static final String ISSUER = "https://issuer.example/badges/issuer";
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC);

    private final EddsaRdfc2022 suite = new EddsaRdfc2022(OfflineContexts.shipped());
    private final List<String> fetches = new ArrayList<>();
    private KeyPair key;
    private CredentialVerifier verifier;

    @BeforeEach
    void issuer() throws Exception {
        key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        verifier = new CredentialVerifier(suite, Map.of(ISSUER, key.getPublic()), url -> {
            fetches.add(url);
            throw new CredentialException("status", "offline test: no list at " + url);
        }, NOW);
    }

    private JsonObject signed(String... lists) throws CredentialException {
        JsonArrayBuilder status = Json.createArrayBuilder();
        for (int i = 0; i < lists.length; i++) {
            status.add(Json.createObjectBuilder().add("id", lists[i] + "#" + i).add("type", "BitstringStatusListEntry")
                    .add("statusPurpose", i == 0 ? "revocation" : "suspension").add("statusListIndex", Integer.toString(i))
                    .add("statusListCredential", lists[i]));
        }
        JsonObject unsigned = Json.createObjectBuilder()
                .add("@context", Json.createArrayBuilder().add(CredentialVerifier.VC2))
                .add("id", "https://issuer.example/badges/credentials/1")
                .add("type", Json.createArrayBuilder().add("VerifiableCredential"))
                .add("issuer", ISSUER)
                .add("validFrom", "2026-11-01T00:00:00Z")
                .add("credentialSubject", Json.createObjectBuilder().add("id", "https://issuer.example/badges/holders/m-1"))
                .add("credentialStatus", status)
                .build();
        JsonObject options = Json.createObjectBuilder().add("created", "2026-11-01T00:00:00Z")
                .add("verificationMethod", ISSUER + "#" + Multikey.encode(key.getPublic()))
                .add("proofPurpose", "assertionMethod").build();
        return suite.sign(unsigned, options, key.getPrivate());
    }

    @Test
    void aProvenCredentialHasItsOneListFetchedOnceForAllItsEntries() throws Exception {
        String list = "https://issuer.example/badges/status/1";
        Verification result = verifier.verify(signed(list, list));
        assertThat(fetches).containsExactly(list);
        assertThat(result.errors()).extracting(Finding::check).containsExactly("status");
    }

    @Test
    void aCredentialWhoseProofFailsMakesTheVerifierFetchNothing() throws Exception {
        JsonObject forged = Json.createObjectBuilder(signed("https://victim.internal/list"))
                .add("validFrom", "2026-11-02T00:00:00Z").build();
        Verification result = verifier.verify(forged);
        assertThat(fetches).isEmpty();
        assertThat(result.valid()).isFalse();
        assertThat(result.errors()).extracting(Finding::check).containsExactly("signature");
    }

    @Test
    void aCredentialNamingTwoListsHasNeitherFetched() throws Exception {
        Verification result = verifier.verify(signed("https://a.example/list", "https://b.example/list"));
        assertThat(fetches).isEmpty();
        assertThat(result.errors()).extracting(Finding::message).singleElement().asString()
                .contains("names 2 status lists");
    }
}
