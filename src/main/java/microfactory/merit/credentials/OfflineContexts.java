package microfactory.merit.credentials;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;

import jakarta.json.Json;
import jakarta.json.JsonStructure;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves the JSON-LD contexts credentials use from our own jar, so verifying never touches the network. The files
 * are unpacked at build time from their maintainers' npm packages (see pom.xml); the Open Badges ones are
 * JavaScript modules, whose object literal we read leniently. Any other URL is refused with its name.
 */
public final class OfflineContexts implements DocumentLoader {

    private static final String OB = "https://purl.imsglobal.org/spec/ob/v3p0/";
    private static final Map<String, String> SHIPPED = Map.ofEntries(
        Map.entry("https://www.w3.org/ns/credentials/v2", "jsonld/credentials/package/contexts/v2.jsonld"),
        Map.entry("https://www.w3.org/ns/credentials/undefined-terms/v2", "jsonld/credentials/package/contexts/undefined-terms-v2.jsonld"),
        Map.entry("https://www.w3.org/2018/credentials/v1", "jsonld/credentials/package/contexts/v1.jsonld"),
        Map.entry("https://w3id.org/security/data-integrity/v2", "jsonld/data-integrity/package/contexts/data-integrity-v2.jsonld"),
        Map.entry("https://w3id.org/security/data-integrity/v1", "jsonld/data-integrity/package/contexts/data-integrity-v1.jsonld"),
        Map.entry("https://w3id.org/security/multikey/v1", "jsonld/multikey/package/contexts/multikey-v1.jsonld"),
        Map.entry(OB + "context-3.0.3.json", "jsonld/open-badges/package/js/contexts/context-3.0.3.js"),
        Map.entry(OB + "context-3.0.2.json", "jsonld/open-badges/package/js/contexts/context-3.0.2.js"),
        Map.entry(OB + "context-3.0.1.json", "jsonld/open-badges/package/js/contexts/context-3.0.1.js"),
        Map.entry(OB + "context.json", "jsonld/open-badges/package/js/contexts/context-3.0.js"),
        Map.entry(OB + "extensions.json", "jsonld/open-badges/package/js/contexts/context-extensions.js"));

    private static final JsonMapper LENIENT = JsonMapper.builder()
        .enable(JsonReadFeature.ALLOW_UNQUOTED_PROPERTY_NAMES, JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_SINGLE_QUOTES)
        .build();

    private final Map<String, Supplier<String>> sources;
    private final Map<String, JsonStructure> parsed = new ConcurrentHashMap<>();

    private OfflineContexts(Map<String, Supplier<String>> sources) {
        this.sources = sources;
    }

    /** The contexts shipped with the app. */
    public static OfflineContexts shipped() {
        Map<String, Supplier<String>> sources = new LinkedHashMap<>();
        SHIPPED.forEach((url, resource) -> sources.put(url, () -> resource(resource)));
        return new OfflineContexts(sources);
    }

    /** These contexts plus more from files (tests: contexts a fixture uses that the app does not ship). */
    public OfflineContexts with(Map<String, Path> files) {
        Map<String, Supplier<String>> more = new LinkedHashMap<>(sources);
        files.forEach((url, file) -> more.putIfAbsent(url, () -> {
            try {
                return Files.readString(file);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + file, e);
            }
        }));
        return new OfflineContexts(more);
    }

    public boolean serves(String url) {
        return sources.containsKey(url);
    }

    /** The context as JSON (for tests comparing it with a reference copy). */
    public JsonStructure json(String url) {
        return parsed.computeIfAbsent(url, u -> parse(sources.get(u).get()));
    }

    @Override
    public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
        String key = url.toString();
        if (!sources.containsKey(key)) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED,
                    "the JSON-LD context " + key + " is not one this verifier knows (contexts are never fetched from the network)");
        }
        JsonDocument document = JsonDocument.of(json(key));
        document.setDocumentUrl(url);
        return document;
    }

    private static String resource(String path) {
        try (InputStream in = OfflineContexts.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the build (see the download plugin in pom.xml)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }

    /** JSON as is; a JavaScript module ({@code module.exports = {...};}) by its object literal. */
    private static JsonStructure parse(String text) {
        String json = text;
        int exports = text.indexOf("module.exports");
        if (exports >= 0) {
            String literal = text.substring(text.indexOf('{', exports), text.lastIndexOf('}') + 1);
            json = LENIENT.writeValueAsString(LENIENT.readTree(literal));
        }
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.read();
        }
    }
}
