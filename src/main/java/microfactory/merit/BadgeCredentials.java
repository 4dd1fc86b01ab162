package microfactory.merit;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import microfactory.common.ChapterSettings;
import microfactory.common.GuardedFetcher;
import microfactory.common.InvalidInputException;
import microfactory.merit.BadgeCredentialRepository.StoredCredential;
import microfactory.merit.credentials.BitstringStatusList;
import microfactory.merit.credentials.CredentialException;
import microfactory.merit.credentials.CredentialVerifier;
import microfactory.merit.credentials.EddsaRdfc2022;
import microfactory.merit.credentials.Multikey;
import microfactory.merit.credentials.OfflineContexts;
import microfactory.merit.credentials.Verification;
import microfactory.signing.SigningKeys;

/**
 * Every badge as an Open Badges 3.0 credential (W3C VC 2.0) signed with the chapter key ({@code eddsa-rdfc-2022}),
 * revocable through the chapter's Bitstring Status List, and a verifier anyone can hand a credential to.
 */
@Service
public class BadgeCredentials {

    public static final String OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

    private final BadgeCredentialRepository credentials;
    private final SigningKeys keys;
    private final ChapterSettings chapter;
    private final Clock clock;
    private final EddsaRdfc2022 suite = new EddsaRdfc2022(OfflineContexts.shipped());
    private final StatusListFetcher statusLists;

    BadgeCredentials(BadgeCredentialRepository credentials, SigningKeys keys, ChapterSettings chapter, Clock clock,
                     GuardedFetcher fetcher) {
        this.statusLists = new StatusListFetcher(fetcher);
        this.credentials = credentials;
        this.keys = keys;
        this.chapter = chapter;
        this.clock = clock;
    }

    /** The chapter's public address: credentials name it, so they resolve wherever the chapter is reached. */
    private String base() {
        return chapter.publicUrl();
    }

    public String issuerId() {
        return base() + "/badges/issuer";
    }

    public String statusListUrl() {
        return base() + "/badges/status/revocation";
    }

    public String url(String credentialId) {
        return base() + "/badges/credentials/" + credentialId;
    }

    private String verificationMethod() {
        return issuerId() + "#" + Multikey.encode(keys.chapterKey().publicKey());
    }

    /** Signs the badge's credential and keeps it; part of the caller's transaction. Returns the credential's id. */
    String issue(Badge badge, String holder) {
        String id = UUID.randomUUID().toString();
        int index = credentials.reserve(badge.id(), id, badge.issuedAt());
        var skill = badge.skill().replace('-', ' ');
        JsonObject unsigned = Json.createObjectBuilder()
            .add("@context", Json.createArrayBuilder().add(CredentialVerifier.VC2).add(OB_CONTEXT))
            .add("id", url(id))
            .add("type", Json.createArrayBuilder().add("VerifiableCredential").add("OpenBadgeCredential"))
            .add("issuer", issuerProfile(false))
            .add("validFrom", seconds(badge.issuedAt()))
            .add("validUntil", seconds(badge.expiresAt()))
            .add("name", skill + ", level " + badge.level())
            .add("credentialSubject", Json.createObjectBuilder()
                .add("id", base() + "/badges/holders/" + holder)
                .add("type", Json.createArrayBuilder().add("AchievementSubject"))
                .add("achievement", Json.createObjectBuilder()
                    .add("id", base() + "/badges/achievements/" + badge.skill() + "/" + badge.level())
                    .add("type", Json.createArrayBuilder().add("Achievement"))
                    .add("achievementType", "Competency")
                    .add("name", skill + ", level " + badge.level())
                    .add("description", "May do " + skill + " work at level " + badge.level() + " in " + chapter.chapterName()
                            + "; machines and build tasks that need it are unlocked.")
                    .add("criteria", Json.createObjectBuilder().add("narrative",
                            "Learned and proven in the chapter's rapid-learning track: " + badge.source() + "."))))
            .add("credentialStatus", Json.createObjectBuilder()
                .add("id", statusListUrl() + "#" + index)
                .add("type", "BitstringStatusListEntry")
                .add("statusPurpose", "revocation")
                .add("statusListIndex", Integer.toString(index))
                .add("statusListCredential", statusListUrl()))
            .build();
        credentials.store(id, sign(unsigned).toString());
        return id;
    }

    private JsonObject sign(JsonObject unsigned) {
        JsonObject options = Json.createObjectBuilder()
            .add("created", seconds(clock.instant()))
            .add("verificationMethod", verificationMethod())
            .add("proofPurpose", "assertionMethod").build();
        try {
            return suite.sign(unsigned, options, keys.chapterKey().privateKey());
        } catch (CredentialException e) {
            throw new IllegalStateException("our own credential does not canonicalize: " + e.getMessage(), e);
        }
    }

    /** The chapter as an issuer: an OB 3.0 Profile; with its key when published on its own. */
    public JsonObject issuerProfile(boolean withKey) {
        var profile = Json.createObjectBuilder()
            .add("id", issuerId())
            .add("type", Json.createArrayBuilder().add("Profile"))
            .add("name", chapter.chapterName())
            .add("url", base());
        if (withKey) {
            profile.add("@context", Json.createArrayBuilder().add(CredentialVerifier.VC2).add(OB_CONTEXT)
                    .add("https://w3id.org/security/multikey/v1"));
            profile.add("assertionMethod", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("id", verificationMethod())
                .add("type", "Multikey")
                .add("controller", issuerId())
                .add("publicKeyMultibase", Multikey.encode(keys.chapterKey().publicKey()))));
        }
        return profile.build();
    }

    public Optional<String> document(String credentialId) {
        return credentials.find(credentialId).map(StoredCredential::document);
    }

    /** Each badge's credential id, where it has one. */
    public Map<Long, String> credentialsOf(Collection<Long> badgeIds) {
        return credentials.idsOf(badgeIds);
    }

    public Optional<Long> badgeOf(String credentialId) {
        return credentials.find(credentialId).map(StoredCredential::badgeId);
    }

    /** The chapter's revocation list as a signed BitstringStatusListCredential, made fresh from the badge records. */
    public JsonObject statusList() {
        BitSet revoked = new BitSet();
        credentials.revokedIndexes().forEach(revoked::set);
        BitstringStatusList list = BitstringStatusList.of(revoked, credentials.highestIndex() + 1);
        return sign(Json.createObjectBuilder()
            .add("@context", Json.createArrayBuilder().add(CredentialVerifier.VC2))
            .add("id", statusListUrl())
            .add("type", Json.createArrayBuilder().add("VerifiableCredential").add("BitstringStatusListCredential"))
            .add("issuer", issuerId())
            .add("validFrom", seconds(clock.instant()))
            .add("credentialSubject", Json.createObjectBuilder()
                .add("id", statusListUrl() + "#list")
                .add("type", "BitstringStatusList")
                .add("statusPurpose", "revocation")
                .add("encodedList", list.encode()))
            .build());
    }

    /** Verifies any credential, ours or another issuer's; a body that is not JSON is the caller's error. */
    public Verification verify(String json) {
        if (json != null && nesting(json) > MAX_NESTING) {
            throw InvalidInputException.of("credential", "JSON nested deeper than " + MAX_NESTING + " levels is not a credential");
        }
        JsonStructure parsed;
        try (var reader = Json.createReader(new StringReader(json == null ? "" : json))) {
            parsed = reader.read();
        } catch (JsonException e) {
            throw InvalidInputException.of("credential", "not JSON: " + e.getMessage());
        }
        if (!(parsed instanceof JsonObject credential)) {
            return Verification.of(List.of(new Verification.Finding("format", "a credential is a JSON object")));
        }
        return verifier().verify(credential);
    }

    static final int MAX_NESTING = 64;

    /** How deep objects and arrays nest, outside strings: refused before a parser recurses that deep. */
    static int nesting(String json) {
        int depth = 0;
        int max = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                max = Math.max(max, ++depth);
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return max;
    }

    private CredentialVerifier verifier() {
        return new CredentialVerifier(suite, Map.of(issuerId(), keys.chapterKey().publicKey()), this::fetchStatusList, clock);
    }

    /** Our own list from the database; another issuer's over https (status lists are meant to be fetched). */
    private JsonObject fetchStatusList(String url) throws CredentialException {
        return url.equals(statusListUrl()) ? statusList() : statusLists.fetch(url);
    }

    private static String seconds(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
