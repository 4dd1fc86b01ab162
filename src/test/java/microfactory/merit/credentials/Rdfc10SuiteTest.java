package microfactory.merit.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.apicatalog.rdf.nquads.NQuadsReader;

import microfactory.support.SharedData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The W3C RDFC-1.0 conformance suite (../shared/data/credentials/rdf-canon, 86 tests): evaluation tests compare our
 * canonical N-Quads byte for byte, map tests the identifiers issued to each blank node, and the negative test (a
 * poison graph) must stop with an error. Some tests use SHA-384.
 */
class Rdfc10SuiteTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TestFactory
    Stream<DynamicTest> theW3cSuite() throws IOException {
        Path suite = SharedData.require("credentials/rdf-canon");
        JsonNode manifest = JSON.readTree(Files.readString(suite.resolve("manifest.jsonld")));
        List<JsonNode> entries = StreamSupport.stream(manifest.get("entries").spliterator(), false).toList();
        assertThat(entries).hasSize(86);
        return entries.stream().map(e -> DynamicTest.dynamicTest(e.get("id").asString() + " " + e.get("name").asString(), () -> {
            String type = e.get("type").asString();
            String algorithm = e.has("hashAlgorithm") ? e.get("hashAlgorithm").asString().replace("SHA", "SHA-") : "SHA-256";
            Rdfc10 canon = read(suite.resolve(e.get("action").asString()), algorithm);
            switch (type) {
                case "rdfc:RDFC10EvalTest" -> assertThat(canon.canonical())
                        .isEqualTo(Files.readString(suite.resolve(e.get("result").asString())));
                case "rdfc:RDFC10MapTest" -> {
                    canon.canonical();
                    Map<String, String> expected = new HashMap<>();
                    JSON.readTree(Files.readString(suite.resolve(e.get("result").asString()))).properties()
                            .forEach(p -> expected.put(p.getKey(), p.getValue().asString()));
                    Map<String, String> issued = new HashMap<>();
                    canon.issuedIdentifiers().forEach((blank, id) -> issued.put(blank.substring(2), id.substring(2)));
                    assertThat(issued).isEqualTo(expected);
                }
                case "rdfc:RDFC10NegativeEvalTest" -> assertThatThrownBy(canon::canonical).isInstanceOf(IllegalStateException.class);
                default -> throw new AssertionError("unknown test type " + type);
            }
        }));
    }

    private static Rdfc10 read(Path nquads, String algorithm) throws Exception {
        Rdfc10 canon = new Rdfc10(algorithm);
        try (Reader reader = Files.newBufferedReader(nquads)) {
            new NQuadsReader(reader).provide(canon);
        }
        return canon;
    }
}
