package microfactory.merit.credentials;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.canon.RdfCanonTimeTicker;
import com.apicatalog.rdf.nquads.NQuadsWriter;

import jakarta.json.Json;
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
    /** Canonicalising a crafted graph can take exponential time: give up after this. */
    private static final long CANON_LIMIT_MILLIS = 5_000;

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
        } catch (java.security.SignatureException e) {
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

    /** RDFC-1.0 canonical N-Quads of a JSON-LD document; undefined terms and unknown contexts are errors. */
    public String canonicalize(JsonObject document) throws CredentialException {
        JsonLdOptions options = new JsonLdOptions();
        options.setDocumentLoader(contexts);
        options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
        RdfCanon canon = RdfCanon.create("SHA-256", new RdfCanonTimeTicker(CANON_LIMIT_MILLIS));
        try {
            JsonLd.toRdf(JsonDocument.of(document)).options(options).provide(canon);
            StringWriter out = new StringWriter();
            canon.provide(new NQuadsWriter(out));
            return out.toString();
        } catch (JsonLdError e) {
            throw new CredentialException("context", "JSON-LD: " + describe(e));
        } catch (RdfConsumerException e) {
            throw new CredentialException("context", "RDF canonicalization failed: " + e.getMessage());
        } catch (IllegalStateException e) {
            throw new CredentialException("context", "RDF canonicalization took too long (over " + CANON_LIMIT_MILLIS + " ms)");
        }
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
