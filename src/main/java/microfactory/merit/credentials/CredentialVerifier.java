package microfactory.merit.credentials;

import java.net.URI;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import microfactory.merit.credentials.Verification.Finding;

/**
 * Verifies a W3C VC 2.0 credential (an Open Badges 3.0 badge, or any other) the way a relying party would, with no
 * network for contexts: its shape, issuer, every proof ({@code DataIntegrityProof}/{@code eddsa-rdfc-2022}; keys from
 * {@code did:key} or a URL whose fragment is the Multikey), its validity period and its Bitstring Status List entries.
 * Issuers it knows (this chapter) must have signed with their own key.
 */
public final class CredentialVerifier {

    public static final String VC2 = "https://www.w3.org/ns/credentials/v2";
    private static final String VC1 = "https://www.w3.org/2018/credentials/v1";

    /** Reads a status list credential by its URL. */
    @FunctionalInterface
    public interface StatusLists {
        JsonObject fetch(String url) throws CredentialException;
    }

    private final EddsaRdfc2022 suite;
    private final Map<String, PublicKey> knownIssuers;
    private final StatusLists statusLists;
    private final Clock clock;

    public CredentialVerifier(EddsaRdfc2022 suite, Map<String, PublicKey> knownIssuers, StatusLists statusLists, Clock clock) {
        this.suite = suite;
        this.knownIssuers = knownIssuers;
        this.statusLists = statusLists;
        this.clock = clock;
    }

    public Verification verify(JsonObject credential) {
        List<Finding> errors = new ArrayList<>();
        if (!checkShape(credential, errors)) {
            return Verification.of(errors);
        }
        Optional<String> issuer = issuerId(credential);
        if (issuer.isEmpty()) {
            errors.add(new Finding("issuer", "the credential names no issuer: give \"issuer\" as a URL or an object with an \"id\" URL"));
        }
        checkProofs(credential, issuer.orElse(null), errors);
        boolean proven = errors.isEmpty();
        checkDates(credential, errors);
        if (proven) { // a credential whose proof fails makes the verifier fetch nothing
            checkStatus(credential, issuer.orElse(null), errors);
        }
        return Verification.of(errors);
    }

    private static boolean checkShape(JsonObject credential, List<Finding> errors) {
        List<String> contexts = strings(credential.get("@context"));
        if (contexts.isEmpty() || !VC2.equals(contexts.get(0))) {
            errors.add(new Finding("format", contexts.contains(VC1)
                ? "this is a VC 1.1 credential (" + VC1 + "); Open Badges 3.0 credentials use VC 2.0, whose @context begins with " + VC2
                : "\"@context\" must begin with " + VC2 + " (W3C Verifiable Credentials 2.0)"));
            return false;
        }
        if (!strings(credential.get("type")).contains("VerifiableCredential")) {
            errors.add(new Finding("format", "\"type\" must include VerifiableCredential"));
            return false;
        }
        return true;
    }

    private void checkProofs(JsonObject credential, String issuer, List<Finding> errors) {
        JsonValue proofValue = credential.get("proof");
        if (proofValue == null) {
            errors.add(new Finding("proof", "the credential carries no proof, so nothing shows who issued it"));
            return;
        }
        List<JsonValue> proofs = proofValue instanceof JsonArray array ? array : List.of(proofValue);
        JsonObject document = Json.createObjectBuilder(credential).remove("proof").build();
        for (int i = 0; i < proofs.size(); i++) {
            String which = proofs.size() == 1 ? "the proof" : "proof " + (i + 1);
            if (!(proofs.get(i) instanceof JsonObject proof)) {
                errors.add(new Finding("proof", which + " is not a JSON object"));
                continue;
            }
            checkProof(document, proof, which, issuer, errors);
        }
    }

    private void checkProof(JsonObject document, JsonObject proof, String which, String issuer, List<Finding> errors) {
        String type = text(proof, "type");
        String suiteName = text(proof, "cryptosuite");
        if (!"DataIntegrityProof".equals(type)
                || !(EddsaRdfc2022.CRYPTOSUITE.equals(suiteName) || EddsaRdfc2022.LEGACY_CRYPTOSUITE.equals(suiteName))) {
            errors.add(new Finding("proof", which + " is " + type + (suiteName == null ? "" : " with cryptosuite " + suiteName)
                    + "; this verifier accepts DataIntegrityProof with cryptosuite eddsa-rdfc-2022"));
            return;
        }
        if (!"assertionMethod".equals(text(proof, "proofPurpose"))) {
            errors.add(new Finding("proof", which + " has proofPurpose " + text(proof, "proofPurpose") + ", not assertionMethod"));
            return;
        }
        String method = text(proof, "verificationMethod");
        PublicKey key;
        try {
            key = resolve(method);
        } catch (IllegalArgumentException e) {
            errors.add(new Finding("proof", which + ": " + e.getMessage()));
            return;
        }
        if (issuer != null && !issuerControls(issuer, method, key, which, errors)) {
            return;
        }
        try {
            if (!suite.verify(document, proof, key)) {
                errors.add(new Finding("signature", which + " does not match the credential: it was changed after signing,"
                        + " or signed with another key than " + method));
            }
        } catch (CredentialException e) {
            errors.add(new Finding(e.check(), which + ": " + e.getMessage()));
        }
    }

    /** The key a verification method names: did:key, or a URL whose fragment is an Ed25519 Multikey. */
    static PublicKey resolve(String method) {
        if (method == null || method.isBlank()) {
            throw new IllegalArgumentException("no verificationMethod");
        }
        if (method.startsWith("did:key:")) {
            String id = method.substring("did:key:".length());
            return Multikey.decodePublic(id.contains("#") ? id.substring(0, id.indexOf('#')) : id);
        }
        if (method.startsWith("did:")) {
            throw new IllegalArgumentException("the DID method of " + method + " cannot be resolved here (did:key can)");
        }
        URI uri;
        try {
            uri = URI.create(method);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("verificationMethod " + method + " is not a URL");
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException("verificationMethod " + method + " has no known scheme (did:key or https)");
        }
        if (uri.getFragment() == null) {
            throw new IllegalArgumentException("verificationMethod " + method + " has no #fragment naming the key");
        }
        try {
            return Multikey.decodePublic(uri.getFragment());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key in verificationMethod " + method + " is unreadable: " + e.getMessage());
        }
    }

    private boolean issuerControls(String issuer, String method, PublicKey key, String which, List<Finding> errors) {
        PublicKey known = knownIssuers.get(issuer);
        if (known != null && !known.equals(key)) {
            errors.add(new Finding("issuer", which + " is signed with " + method + ", which is not the key of " + issuer));
            return false;
        }
        if (!method.startsWith("did:") && !method.substring(0, method.indexOf('#')).equals(issuer)) {
            errors.add(new Finding("issuer", which + "'s key " + method + " does not belong to the issuer " + issuer));
            return false;
        }
        return true;
    }

    private void checkDates(JsonObject credential, List<Finding> errors) {
        Instant now = clock.instant();
        Instant from = date(credential, "validFrom", errors);
        Instant until = date(credential, "validUntil", errors);
        if (from != null && from.isAfter(now)) {
            errors.add(new Finding("validity", "the credential is not valid before " + from));
        }
        if (until != null && !until.isAfter(now)) {
            errors.add(new Finding("expiry", "the credential expired on " + until));
        }
    }

    private static Instant date(JsonObject credential, String name, List<Finding> errors) {
        String value = text(credential, name);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new Finding("format", name + " \"" + value + "\" is not an RFC 3339 date-time with a time zone"));
            return null;
        }
    }

    private void checkStatus(JsonObject credential, String issuer, List<Finding> errors) {
        JsonValue status = credential.get("credentialStatus");
        if (status == null) {
            return;
        }
        List<JsonValue> entries = status instanceof JsonArray array ? array : List.of(status);
        Set<String> lists = new LinkedHashSet<>();
        for (JsonValue entry : entries) {
            if (entry instanceof JsonObject e && text(e, "statusListCredential") != null) {
                lists.add(text(e, "statusListCredential"));
            }
        }
        if (lists.size() > 1) { // each would be a fetch on someone else's behalf
            errors.add(new Finding("status", "the credential names " + lists.size() + " status lists; this verifier"
                    + " fetches one per credential, so its status cannot be checked here"));
            return;
        }
        Map<String, JsonObject> fetched = new HashMap<>();
        for (JsonValue entry : entries) {
            if (!(entry instanceof JsonObject e)) {
                errors.add(new Finding("status", "credentialStatus entries must be objects"));
                continue;
            }
            if (!"BitstringStatusListEntry".equals(text(e, "type"))) {
                errors.add(new Finding("status", "status of type " + text(e, "type") + " cannot be checked here"
                        + " (BitstringStatusListEntry can)"));
                continue;
            }
            checkStatusEntry(e, issuer, errors, fetched);
        }
    }

    private void checkStatusEntry(JsonObject entry, String issuer, List<Finding> errors, Map<String, JsonObject> fetched) {
        String url = text(entry, "statusListCredential");
        String purpose = text(entry, "statusPurpose");
        int index;
        try {
            JsonValue raw = entry.get("statusListIndex");
            index = raw instanceof JsonNumber n ? n.intValueExact() : Integer.parseInt(((JsonString) raw).getString());
        } catch (RuntimeException e) {
            errors.add(new Finding("status", "statusListIndex must be a whole number"));
            return;
        }
        if (url == null) {
            errors.add(new Finding("status", "the status entry names no statusListCredential"));
            return;
        }
        try {
            JsonObject list;
            if (fetched.containsKey(url)) {
                list = fetched.get(url);
                if (list == null) {
                    return; // its fetch failed for an earlier entry, and was said then
                }
            } else {
                fetched.put(url, null); // stays null if the fetch fails: one fetch per list
                list = statusLists.fetch(url);
                fetched.put(url, list);
            }
            Verification listCheck = new CredentialVerifier(suite, knownIssuers, u -> {
                throw new CredentialException("status", "a status list may not have a status of its own");
            }, clock).verify(Json.createObjectBuilder(list).remove("credentialStatus").build());
            if (!listCheck.valid()) {
                errors.add(new Finding("status", "the status list " + url + " does not verify: "
                        + listCheck.errors().get(0).message()));
                return;
            }
            if (issuer != null && !issuer.equals(issuerId(list).orElse(null))) {
                errors.add(new Finding("status", "the status list " + url + " was not issued by the credential's issuer"));
                return;
            }
            JsonObject subject = list.getJsonObject("credentialSubject");
            BitstringStatusList bits = BitstringStatusList.decode(subject == null ? null : text(subject, "encodedList"));
            if (bits.isSet(index)) {
                errors.add(new Finding("status", "revocation".equals(purpose)
                        ? "the credential is revoked (" + url + ", index " + index + ")"
                        : "the credential's " + purpose + " status is set (" + url + ", index " + index + ")"));
            }
        } catch (CredentialException e) {
            errors.add(new Finding("status", e.getMessage()));
        } catch (ClassCastException | IllegalArgumentException | IndexOutOfBoundsException e) {
            errors.add(new Finding("status", "the status list " + url + " is unreadable: " + e.getMessage()));
        }
    }

    static Optional<String> issuerId(JsonObject credential) {
        JsonValue issuer = credential.get("issuer");
        String id = issuer instanceof JsonString s ? s.getString()
            : issuer instanceof JsonObject o ? text(o, "id") : null;
        if (id == null) {
            return Optional.empty();
        }
        try {
            return URI.create(id).getScheme() == null ? Optional.empty() : Optional.of(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static String text(JsonObject object, String name) {
        return object.get(name) instanceof JsonString s ? s.getString() : null;
    }

    private static List<String> strings(JsonValue value) {
        if (value instanceof JsonString s) {
            return List.of(s.getString());
        }
        if (value instanceof JsonArray array) {
            return array.stream().map(v -> v instanceof JsonString s ? s.getString() : "").toList();
        }
        return List.of();
    }
}
