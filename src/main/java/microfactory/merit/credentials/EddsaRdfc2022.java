package microfactory.merit.credentials;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.List;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * The Data Integrity cryptosuite {@code eddsa-rdfc-2022} (W3C Data Integrity EdDSA Cryptosuites v1.0): the document
 * and the proof options are each turned into RDF (JSON-LD, terms the contexts do not define are an error), put in
 * RDFC-1.0 canonical N-Quads and hashed with SHA-256; Ed25519 signs proofHash ‖ documentHash; the proof value is
 * that signature in multibase base58btc.
 */
public final class EddsaRdfc2022 {

    public static final String CRYPTOSUITE = "eddsa-rdfc-2022";
    /** A pre-standard name of the same algorithm, still found in the wild. */
    public static final String LEGACY_CRYPTOSUITE = "eddsa-2022";
    private static final String XSD_DOUBLE = "http://www.w3.org/2001/XMLSchema#double";

    private final DocumentLoader contexts;

    public EddsaRdfc2022(DocumentLoader contexts) {
        this.contexts = contexts;
    }

    /** The unsigned document with a proof made from {@code options} (type, created, verificationMethod, proofPurpose). */
    public JsonObject sign(JsonObject unsigned, JsonObject options, PrivateKey key) throws CredentialException {
        JsonObject config = Json.createObjectBuilder(options).add("type", "DataIntegrityProof").add("cryptosuite", CRYPTOSUITE).build();
        byte[] signature;
        try {
            Signature ed = Signature.getInstance("Ed25519");
            ed.initSign(key);
            ed.update(hashData(unsigned, config));
            signature = ed.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK 15+", e);
        }
        JsonObject proof = Json.createObjectBuilder(config).add("proofValue", "z" + Base58.encode(signature)).build();
        return Json.createObjectBuilder(unsigned).add("proof", proof).build();
    }

    /** Whether {@code proof} is a valid signature by {@code key} over {@code document} (the document without its proofs). */
    public boolean verify(JsonObject document, JsonObject proof, PublicKey key) throws CredentialException {
        JsonValue value = proof.get("proofValue");
        if (value == null || value.getValueType() != JsonValue.ValueType.STRING
                || !proof.getString("proofValue").startsWith("z")) {
            throw new CredentialException("proof", "the proof has no proofValue in multibase base58btc ('z…')");
        }
        byte[] signature;
        try {
            signature = Base58.decode(proof.getString("proofValue").substring(1));
        } catch (IllegalArgumentException e) {
            throw new CredentialException("proof", "the proofValue is not base58btc: " + e.getMessage());
        }
        if (signature.length != 64) {
            return false;
        }
        JsonObject config = Json.createObjectBuilder(proof).remove("proofValue").build();
        try {
            Signature ed = Signature.getInstance("Ed25519");
            ed.initVerify(key);
            ed.update(hashData(document, config));
            return ed.verify(signature);
        } catch (SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK 15+", e);
        }
    }

    /** SHA-256 of the canonical proof configuration (with the document's @context), then of the canonical document. */
    byte[] hashData(JsonObject document, JsonObject proofConfig) throws CredentialException {
        JsonObject config = proofConfig;
        if (document.containsKey("@context")) {
            config = Json.createObjectBuilder(proofConfig).add("@context", document.get("@context")).build();
        }
        byte[] proofHash = sha256(canonicalize(config));
        byte[] documentHash = sha256(canonicalize(document));
        byte[] out = new byte[64];
        System.arraycopy(proofHash, 0, out, 0, 32);
        System.arraycopy(documentHash, 0, out, 32, 32);
        return out;
    }

    /**
     * RDFC-1.0 canonical N-Quads of a JSON-LD document. Like JSON-LD "safe mode", whatever the contexts do not define
     * is an error rather than silently dropped (it would then be unsigned): undefined terms, types and relative ids.
     */
    public String canonicalize(JsonObject document) throws CredentialException {
        JsonLdOptions options = new JsonLdOptions();
        options.setDocumentLoader(contexts);
        options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
        Rdfc10 canon = new Rdfc10();
        try {
            JsonArray expanded = JsonLd.expand(JsonDocument.of(document)).options(options).get();
            JsonLd.toRdf(JsonDocument.of((JsonArray) checked(expanded))).options(options).provide(canon);
            return canon.canonical();
        } catch (JsonLdError e) {
            throw new CredentialException("context", "JSON-LD: " + describe(e));
        } catch (IllegalStateException e) {
            throw new CredentialException("context", "the credential's RDF is too tangled to canonicalize: " + e.getMessage());
        }
    }

    /**
     * Walks expanded JSON-LD: refuses node types and ids that did not become absolute IRIs, and writes typed integral
     * numbers in integer form. (JSON-LD 1.1 Object to RDF writes 42 typed xsd:float as "42"; titanium 1.7.0 writes
     * "4.2E1", which breaks signatures made elsewhere.)
     */
    private static JsonValue checked(JsonValue value) throws CredentialException {
        if (value instanceof JsonArray array) {
            JsonArrayBuilder out = Json.createArrayBuilder();
            for (JsonValue item : array) {
                out.add(checked(item));
            }
            return out.build();
        }
        if (!(value instanceof JsonObject object)) {
            return value;
        }
        if (object.containsKey("@value")) {
            return typedNumber(object);
        }
        for (JsonValue type : object.get("@type") instanceof JsonArray types ? types : List.<JsonValue>of()) {
            if (type instanceof JsonString s && !isIri(s.getString())) {
                throw new CredentialException("context", "the type \"" + s.getString() + "\" is not defined by the credential's contexts");
            }
        }
        if (object.get("@id") instanceof JsonString id && !isIri(id.getString())) {
            throw new CredentialException("context", "the id \"" + id.getString() + "\" is not an absolute IRI");
        }
        JsonObjectBuilder out = Json.createObjectBuilder();
        for (var entry : object.entrySet()) {
            out.add(entry.getKey(), checked(entry.getValue()));
        }
        return out.build();
    }

    private static JsonObject typedNumber(JsonObject object) {
        if (object.get("@value") instanceof JsonNumber n && object.get("@type") instanceof JsonString type
                && !XSD_DOUBLE.equals(type.getString())) {
            BigDecimal v = n.bigDecimalValue();
            if (v.signum() == 0 || (v.stripTrailingZeros().scale() <= 0 && v.abs().compareTo(BigDecimal.TEN.pow(21)) < 0)) {
                return Json.createObjectBuilder(object).add("@value", v.toBigInteger().toString()).build();
            }
        }
        return object;
    }

    private static boolean isIri(String text) {
        return text.startsWith("_:") || text.matches("[A-Za-z][A-Za-z0-9+.-]*:.*");
    }

    private static String describe(JsonLdError e) {
        if (e.getCause() instanceof JsonLdError cause && cause.getMessage() != null) {
            return cause.getMessage(); // our loader's own words on a context it does not know
        }
        String message = e.getMessage();
        if (e.getCode() == null) {
            return message;
        }
        return message == null || message.isBlank() ? e.getCode().toMessage() : e.getCode() + ": " + message;
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
