package microfactory.merit.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.BitSet;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import microfactory.merit.credentials.Verification.Finding;
import microfactory.support.SharedData;

/**
 * The verifier against 1EdTech's Open Badges 3.0 validator fixtures: the valid ones pass, each negative one fails on the
 * check its fixture is about. VC 1.1 credentials (the validator only warns) are refused here: OB 3.0.3 is on VC 2.0.
 */
class CredentialVerifierTest {

    private static final String TESTLIST = "https://raw.githubusercontent.com/1EdTech/digital-credentials-public-validator/"
            + "refs/heads/main/inspector-vc/src/test/resources/ob30/bit-string-list/testlist";
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC);

    private static CredentialVerifier fixtureVerifier(Path dir) {
        return new CredentialVerifier(new EddsaRdfc2022(TestContexts.withFixtureContexts()), Map.of(), url -> {
            if (!url.equals(TESTLIST)) {
                throw new CredentialException("status", "offline test: no status list at " + url);
            }
            try {
                return TestContexts.read(dir.resolve("bit-string-list/testlist"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, NOW);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "simple.json, valid, ",
        "simple-did-key-method.json, valid, ",
        "simple-did-web-method.json, valid, ",
        "simple-context-alias.json, valid, ",
        "simple-context-version.json, valid, ",
        "endorsement-valid.json, valid, ",
        "bit-string-list/testlist, valid, ",
        "simple-err-type.json, context, OtherCredential",
        "simple-err-context.json, format, @context",
        "simple-err-credential-subject-type.json, context, achievement",
        "simple-err-credential-subject-identifier-type.json, context, hashed",
        "simple-err-credential-subject-result-type.json, context, achievedLevel",
        "simple-err-credential-subject-achievement-result-description-type.json, context, resultType",
        "simple-err-credential-subject-profile-type.json, context, InvalidProfile",
        "simple-err-evidence-type.json, context, genre",
        "simple-err-issuer-type.json, context, InvalidProfile",
        "simple-err-issuer-parentorg-type.json, context, InvalidProfile",
        "simple-err-issuer-otheridentifier-type.json, context, identifier",
        "simple-err-issuer.json, issuer, no issuer",
        "simple-err-expired.json, expiry, 2010-01-01",
        "simple-err-issued.json, validity, 2040-01-01",
        "simple-err-proof-method.json, proof, unreadable",
        "simple-err-proof-method-no-scheme.json, proof, no known scheme",
        "simple-err-proof-method-unknown-scheme.json, proof, no known scheme",
        "simple-err-proof-method-unknown-did-method.json, proof, did:example",
        "simple-err-proof-value.json, signature, does not match",
        "simple-multiple-proofs.json, proof, SomeProofType",
        "simple_v1.json, format, VC 1.1",
        "bit-string-list/credential-status-revoked.json, status, 'revoked (" + TESTLIST + ", index 23)'",
        "bit-string-list/credential-status-revoked-blank-nodes.json, status, 'revoked (" + TESTLIST + ", index 23)'",
    })
    void fixtures(String file, String expected, String detail) throws IOException {
        Path dir = SharedData.require("credentials/ob30-validator-fixtures");
        Verification result = fixtureVerifier(dir).verify(TestContexts.read(dir.resolve(file)));
        if (expected.equals("valid")) {
            assertThat(result.errors()).isEmpty();
            assertThat(result.valid()).isTrue();
        } else {
            assertThat(result.valid()).isFalse();
            assertThat(result.errors()).first().satisfies(f -> {
                assertThat(f.check()).isEqualTo(expected);
                assertThat(f.message()).contains(detail);
            });
        }
    }

    @Test
    void theMultipleProofsFixtureStillVerifiesItsDataIntegrityProof() throws IOException {
        Path dir = SharedData.require("credentials/ob30-validator-fixtures");
        Verification result = fixtureVerifier(dir).verify(TestContexts.read(dir.resolve("simple-multiple-proofs.json")));
        assertThat(result.errors()).extracting(Finding::check).containsExactly("proof"); // only the unknown proof type
    }

    /**
     * complete.json: nearly every OB 3.0 property, four endorsements with embedded proofs (blank-node named graphs).
     * Its signature verifies; only its 1EdTechRevocationList status cannot be checked here.
     */
    @Test
    void theCompleteFixtureWithEmbeddedEndorsementsVerifiesItsSignature() throws IOException {
        Path dir = SharedData.require("credentials/ob30-validator-fixtures");
        Verification result = fixtureVerifier(dir).verify(TestContexts.read(dir.resolve("complete.json")));
        assertThat(result.errors()).extracting(Finding::check).containsExactly("status");
        assertThat(result.errors().get(0).message()).contains("1EdTechRevocationList");
    }

    @Test
    void aKnownIssuerMustSignWithItsOwnKey() throws Exception {
        Path dir = SharedData.require("credentials/ob30-validator-fixtures");
        var other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
        var verifier = new CredentialVerifier(new EddsaRdfc2022(TestContexts.withFixtureContexts()),
                Map.of("https://example.com/issuers/876543", other), url -> null, NOW);
        Verification result = verifier.verify(TestContexts.read(dir.resolve("simple.json")));
        assertThat(result.errors()).extracting(Finding::check).containsExactly("issuer");
    }

    @Test
    void statusListBitsRoundTripWithIndexZeroAsTheLeftmostBit() {
        BitSet set = new BitSet();
        set.set(0);
        set.set(23);
        set.set(131_071);
        BitstringStatusList list = BitstringStatusList.decode(BitstringStatusList.of(set, 10).encode());
        assertThat(list.size()).isEqualTo(BitstringStatusList.MIN_BITS);
        assertThat(list.isSet(0)).isTrue();
        assertThat(list.isSet(1)).isFalse();
        assertThat(list.isSet(23)).isTrue();
        assertThat(list.isSet(131_071)).isTrue();
    }

    @Test
    void aCredentialThatIsNotOneSaysSo() {
        JsonObject notACredential = Json.createObjectBuilder().add("hello", "world").build();
        var verifier = new CredentialVerifier(new EddsaRdfc2022(OfflineContexts.shipped()), Map.of(), url -> null, NOW);
        assertThat(verifier.verify(notACredential).errors()).extracting(Finding::check).containsExactly("format");
    }

    @Test
    void shippedContextsEqualTheReferenceCopies() throws IOException {
        Path dir = SharedData.require("credentials/contexts");
        OfflineContexts shipped = OfflineContexts.shipped();
        Map<String, String> references = Map.of(
            "https://www.w3.org/ns/credentials/v2", "credentials-v2.jsonld",
            "https://w3id.org/security/data-integrity/v2", "data-integrity-v2.jsonld",
            "https://w3id.org/security/multikey/v1", "multikey-v1.jsonld",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", "ob-v3p0-context-3.0.3.json",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json", "ob-v3p0-context-3.0.2.json",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json", "ob-v3p0-context-3.0.1.json",
            "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json", "ob-v3p0-extensions.json");
        for (var e : references.entrySet()) {
            assertThat(shipped.json(e.getKey())).as(e.getKey()).isEqualTo(TestContexts.read(dir.resolve(e.getValue())));
        }
    }
}
