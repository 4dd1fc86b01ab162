package microfactory.merit.credentials;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import microfactory.support.SharedData;

/** The shipped contexts plus the example and CLR contexts test fixtures use, read from ../shared (never shipped). */
final class TestContexts {

    private TestContexts() {
    }

    static OfflineContexts withFixtureContexts() {
        Path dir = SharedData.require("credentials/contexts");
        return OfflineContexts.shipped().with(Map.of(
            "https://www.w3.org/ns/credentials/examples/v2", dir.resolve("credentials-examples-v2.jsonld"),
            "https://www.w3.org/2018/credentials/examples/v1", dir.resolve("credentials-examples-v1.jsonld"),
            "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json", dir.resolve("clr-v2p0-context-2.0.1.json"),
            "https://w3id.org/security/suites/ed25519-2020/v1", dir.resolve("ed25519-2020-v1.jsonld")));
    }

    static JsonObject read(Path file) throws IOException {
        try (var reader = Json.createReader(Files.newBufferedReader(file))) {
            return reader.readObject();
        }
    }
}
