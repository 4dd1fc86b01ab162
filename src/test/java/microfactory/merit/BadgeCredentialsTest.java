package microfactory.merit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import microfactory.members.Member;
import microfactory.members.MemberService;
import microfactory.members.SignUp;
import microfactory.merit.credentials.Multikey;
import microfactory.support.DatabaseTest;
import microfactory.support.Http;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A badge's credential from issue to revocation, through the public URLs and the verify API and page. */
@DatabaseTest
class BadgeCredentialsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MeritService merit;
    @Autowired MemberService members;
    @LocalServerPort int port;

    Member newcomer() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        return members.signUp(new SignUp("holder-" + id + "@example.org", "Holder " + id, "learning every day", "", null));
    }

    String credentialOf(Badge badge) {
        IssuedBadge issued = merit.issuedTo(merit.holderOf(badge)).stream().filter(b -> b.badge() == badge.id()).findFirst().orElseThrow();
        var response = new Http(port).get("/badges/credentials/" + issued.id());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/vc+ld+json"));
        return response.body();
    }

    JsonNode verify(String credential) {
        var response = new Http(port).json("POST", "/api/v1/badges/verify", credential);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void anIssuedBadgeIsASignedOpenBadgeThatVerifiesUntilRevoked() {
        Member m = newcomer();
        Badge badge = merit.issue(m.id(), "welding", 2, "module welding-basics, signed off");
        String credential = credentialOf(badge);
        JsonNode doc = JSON.readTree(credential);
        assertThat(doc.get("type").toString()).contains("OpenBadgeCredential");
        assertThat(doc.get("proof").get("cryptosuite").asString()).isEqualTo("eddsa-rdfc-2022");
        assertThat(doc.get("credentialSubject").get("id").asString()).endsWith("/badges/holders/" + m.publicId());
        assertThat(credential).doesNotContain(m.email()).doesNotContain(m.displayName());
        assertThat(verify(credential).get("valid").asBoolean()).isTrue();

        ObjectNode tampered = (ObjectNode) JSON.readTree(credential);
        ((ObjectNode) tampered.get("credentialSubject").get("achievement")).put("name", "welding, level 3");
        JsonNode tamperedResult = verify(tampered.toString());
        assertThat(tamperedResult.get("valid").asBoolean()).isFalse();
        assertThat(tamperedResult.get("errors").get(0).get("check").asString()).isEqualTo("signature");

        merit.revoke(badge.id(), "welded without a mask");
        JsonNode revoked = verify(credential);
        assertThat(revoked.get("valid").asBoolean()).isFalse();
        assertThat(revoked.get("errors").get(0).get("check").asString()).isEqualTo("status");
        assertThat(revoked.get("errors").get(0).get("message").asString()).contains("revoked");
    }

    @Test
    void theStatusListAndIssuerProfileArePublicAndTheListVerifies() {
        var http = new Http(port);
        var list = http.get("/badges/status/revocation");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("BitstringStatusListCredential").contains("\"encodedList\":\"u");
        assertThat(verify(list.body()).get("valid").asBoolean()).isTrue();
        var issuer = http.get("/badges/issuer");
        assertThat(issuer.body()).contains("\"publicKeyMultibase\":\"z6Mk").contains("Multikey");
    }

    @Test
    void aCredentialClaimingOurIssuerWithAnotherKeyIsRefused() throws Exception {
        Member m = newcomer();
        String credential = credentialOf(merit.issue(m.id(), "cnc", 1, "module cnc-torch"));
        ObjectNode forged = (ObjectNode) JSON.readTree(credential);
        var other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String method = forged.get("proof").get("verificationMethod").asString().replaceAll("#.*",
                "#" + Multikey.encode(other.getPublic()));
        ((ObjectNode) forged.get("proof")).put("verificationMethod", method);
        JsonNode result = verify(forged.toString());
        assertThat(result.get("valid").asBoolean()).isFalse();
        assertThat(result.get("errors").get(0).get("check").asString()).isEqualTo("issuer");
    }

    @Test
    void badInputIsAClearProblemOrAnInvalidVerdict() {
        var http = new Http(port);
        var notJson = http.json("POST", "/api/v1/badges/verify", "{\"@context\": [");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(notJson.body()).contains("not JSON");
        JsonNode array = verify("[1, 2]");
        assertThat(array.get("valid").asBoolean()).isFalse();
        assertThat(array.get("errors").get(0).get("check").asString()).isEqualTo("format");
        assertThat(http.get("/badges/credentials/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    @Test
    void aCredentialWhoseStatusWasPointedAtAnInternalAddressIsRefusedWithoutAFetch() {
        Member m = newcomer();
        ObjectNode credential = (ObjectNode) JSON.readTree(credentialOf(merit.issue(m.id(), "painting", 1, "module painting")));
        ((ObjectNode) credential.get("credentialStatus")).put("statusListCredential", "https://127.0.0.1:9/internal");
        JsonNode result = verify(credential.toString());
        assertThat(result.get("valid").asBoolean()).isFalse();
        // the proof is checked first, and fails: no status list is fetched for it (GuardedFetcherTest: addresses)
        assertThat(result.get("errors").findValuesAsString("check")).containsExactly("signature");
    }

    @Test
    void issuedBadgesListTheirCredentialsAndPagesShowTheVerdict() {
        Member m = newcomer();
        Badge badge = merit.issue(m.id(), "hydraulics", 1, "module hydraulics-101");
        var http = new Http(port);
        JsonNode issued = JSON.readTree(http.get("/api/v1/badges/issued?limit=5").body());
        JsonNode mine = null;
        for (JsonNode b : issued) {
            if (b.get("badge").asLong() == badge.id()) {
                mine = b;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("holder").asString()).isEqualTo(m.publicId());
        assertThat(mine.get("url").asString()).endsWith("/badges/credentials/" + mine.get("id").asString());
        assertThat(mine.get("skill").asString()).isEqualTo("hydraulics");
        assertThat(mine.get("level").asInt()).isEqualTo(1);

        var page = http.page("/badges/credentials/" + mine.get("id").asString());
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("id=\"verdict\"").contains("Valid:").contains("Download the credential");

        String credential = http.get("/badges/credentials/" + mine.get("id").asString() + "?format=json").body();
        http.page("/badges/verify");
        var checked = http.postForm("/badges/verify", Map.of("credential", credential.replace("hydraulics, level 1", "hydraulics, level 3")));
        assertThat(checked.body()).contains("Not valid").contains("signature");
        http.page("/badges/verify");
        var uploaded = http.postMultipart("/badges/verify", Map.of(), Map.of("file=badge.json", credential.getBytes(StandardCharsets.UTF_8)));
        assertThat(uploaded.body()).contains("Valid: the signature");
        assertThat(http.postForm("/badges/verify", Map.of("credential", " ")).body()).contains("credential-error")
            .contains("paste a credential (JSON) or choose the file you downloaded");
        var garbage = http.postForm("/badges/verify", Map.of("credential", "hello"));
        assertThat(garbage.body()).contains("credential-error").contains("not JSON");
        assertThat(http.page("/badges/holders/" + m.publicId()).body()).contains("hydraulics level 1");
    }
}
