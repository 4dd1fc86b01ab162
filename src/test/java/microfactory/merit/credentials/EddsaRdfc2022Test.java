package microfactory.merit.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import microfactory.support.SharedData;

/** The cryptosuite against the W3C vc-di-eddsa vector and the 1EdTech Open Badges 3.0 vector, step by step. */
class EddsaRdfc2022Test {

    @Test
    void w3cVectorIsReproducedStepByStep() throws Exception {
        Path dir = SharedData.require("credentials/vc-di-eddsa");
        Path v = dir.resolve("eddsa-rdfc-2022");
        var suite = new EddsaRdfc2022(TestContexts.withFixtureContexts());
        JsonObject unsigned = TestContexts.read(dir.resolve("unsigned.json"));
        JsonObject config = TestContexts.read(v.resolve("proofConfigDataInt.json"));

        assertThat(suite.canonicalize(unsigned)).isEqualTo(Files.readString(v.resolve("canonDocDataInt.txt")));
        assertThat(suite.canonicalize(config)).isEqualTo(Files.readString(v.resolve("proofCanonDataInt.txt")));
        JsonObject bareConfig = Json.createObjectBuilder(config).remove("@context").build();
        assertThat(HexFormat.of().formatHex(suite.hashData(unsigned, bareConfig)))
            .isEqualTo(Files.readString(v.resolve("combinedHashDataInt.txt")).strip());

        var keys = TestContexts.read(dir.resolve("keyPair.json"));
        JsonObject signed = suite.sign(unsigned, Json.createObjectBuilder(bareConfig).remove("type").remove("cryptosuite").build(),
                Multikey.decodePrivate(keys.getString("privateKeyMultibase")));
        JsonObject expected = TestContexts.read(v.resolve("signedDataInt.json"));
        assertThat(signed.getJsonObject("proof").getString("proofValue"))
            .isEqualTo(expected.getJsonObject("proof").getString("proofValue"))
            .isEqualTo(Files.readString(v.resolve("sigBTC58DataInt.txt")).strip());

        var publicKey = Multikey.decodePublic(keys.getString("publicKeyMultibase"));
        JsonObject document = Json.createObjectBuilder(expected).remove("proof").build();
        assertThat(suite.verify(document, expected.getJsonObject("proof"), publicKey)).isTrue();
        JsonObject tampered = Json.createObjectBuilder(document).add("validFrom", "2020-01-01T00:00:00Z").build();
        assertThat(suite.verify(tampered, expected.getJsonObject("proof"), publicKey)).isFalse();
    }

    @Test
    void openBadgesVectorCanonicalFormsAndSignature() throws Exception {
        Path dir = SharedData.require("credentials/ob30-eddsa-rdfc-2022-vector/obv3p0");
        var suite = new EddsaRdfc2022(TestContexts.withFixtureContexts());
        JsonObject vector = TestContexts.read(dir.resolve("vector.json"));
        JsonObject unsigned = vector.getJsonObject("unsignedCredential");
        assertThat(suite.canonicalize(unsigned)).isEqualTo(Files.readString(dir.resolve("document-canon.txt")));
        assertThat(HexFormat.of().formatHex(suite.hashData(unsigned, vector.getJsonObject("proofConfig"))))
            .isEqualTo(vector.getString("dataToSignHex"));
        JsonObject signed = vector.getJsonObject("signedCredential");
        assertThat(suite.verify(Json.createObjectBuilder(signed).remove("proof").build(), signed.getJsonObject("proof"),
                Multikey.decodePublic(signed.getJsonObject("proof").getString("verificationMethod").replaceAll(".*#", ""))))
            .isTrue();
    }

    @Test
    void undefinedTermsAndUnknownContextsAreRefusedByName() {
        var suite = new EddsaRdfc2022(OfflineContexts.shipped());
        JsonObject undefinedTerm = Json.createObjectBuilder()
            .add("@context", Json.createArrayBuilder().add("https://www.w3.org/ns/credentials/v2"))
            .add("type", Json.createArrayBuilder().add("VerifiableCredential")).add("favouriteColour", "green").build();
        assertThatThrownBy(() -> suite.canonicalize(undefinedTerm)).isInstanceOf(CredentialException.class)
            .hasMessageContaining("favouriteColour");
        JsonObject remote = Json.createObjectBuilder().add("@context", "https://evil.example/context.json").add("a", 1).build();
        assertThatThrownBy(() -> suite.canonicalize(remote)).hasMessageContaining("https://evil.example/context.json")
            .hasMessageContaining("never fetched");
    }

    @Test
    void multikeysRoundTripAndBadOnesAreNamed() {
        var key = Multikey.decodePublic("z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2");
        assertThat(Multikey.encode(key)).isEqualTo("z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2");
        assertThatThrownBy(() -> Multikey.decodePublic("z6MkjZRsdasZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi"))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Multikey.decodePublic("z0OIl")).hasMessageContaining("not base58btc");
    }
}
