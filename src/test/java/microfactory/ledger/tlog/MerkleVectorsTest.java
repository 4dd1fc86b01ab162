package microfactory.ledger.tlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import microfactory.support.SharedData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every RFC 9162 inclusion and consistency case of transparency-dev/merkle, and the reference tree. */
class MerkleVectorsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static Stream<Path> cases(String folder) throws IOException {
        Path dir = SharedData.require("ledger/merkle-testdata/" + folder);
        return Files.walk(dir).filter(p -> p.toString().endsWith(".json")).sorted();
    }

    static byte[] b64(JsonNode n) {
        return n == null || n.isNull() ? new byte[0] : Base64.getDecoder().decode(n.asString());
    }

    static List<byte[]> proof(JsonNode n) {
        List<byte[]> proof = new ArrayList<>();
        if (n != null && !n.isNull()) {
            n.values().forEach(p -> proof.add(b64(p)));
        }
        return proof;
    }

    @TestFactory
    Stream<DynamicTest> inclusionCases() throws IOException {
        List<Path> files = cases("inclusion").toList();
        assertThat(files).hasSize(98);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getParent().getFileName() + "/" + f.getFileName(), () -> {
            JsonNode c = JSON.readTree(f.toFile());
            // Sizes beyond a signed 64-bit long (2^64 - 1 in some corruptions) are refused, as an error.
            boolean failed = !c.get("leafIdx").canConvertToLong() || !c.get("treeSize").canConvertToLong()
                    || Proofs.checkInclusion(c.get("leafIdx").asLong(), c.get("treeSize").asLong(),
                    b64(c.get("leafHash")), proof(c.get("proof")), b64(c.get("root"))).isPresent();
            assertThat(failed).as(c.get("desc").asString()).isEqualTo(c.get("wantErr").asBoolean());
        }));
    }

    @TestFactory
    Stream<DynamicTest> consistencyCases() throws IOException {
        List<Path> files = cases("consistency").toList();
        assertThat(files).hasSize(98);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getParent().getFileName() + "/" + f.getFileName(), () -> {
            JsonNode c = JSON.readTree(f.toFile());
            boolean failed = !c.get("size1").canConvertToLong() || !c.get("size2").canConvertToLong()
                    || Proofs.checkConsistency(c.get("size1").asLong(), c.get("size2").asLong(),
                    b64(c.get("root1")), b64(c.get("root2")), proof(c.get("proof"))).isPresent();
            assertThat(failed).as(c.get("desc").asString()).isEqualTo(c.get("wantErr").asBoolean());
        }));
    }

    @Test
    void theTreeReproducesTheReferenceRootsAndItsProofsVerify() throws IOException {
        JsonNode ref = JSON.readTree(SharedData.require("ledger/merkle-testdata/rfc6962-reference-tree.json").toFile());
        List<byte[]> leaves = new ArrayList<>();
        ref.get("leafInputsHex").values().forEach(h -> leaves.add(HexFormat.of().parseHex(h.asString())));
        List<String> roots = new ArrayList<>();
        ref.get("rootHashesHexBySize").values().forEach(r -> roots.add(r.isObject() ? r.get("hex").asString() : r.asString()));

        MerkleTree tree = new MerkleTree();
        assertThat(Hashes.hex(tree.root(0))).isEqualTo(roots.get(0));
        for (byte[] leaf : leaves) {
            tree.appendLeafHash(Hashes.leaf(leaf));
            assertThat(Hashes.hex(tree.root(tree.size()))).as("root of size " + tree.size()).isEqualTo(roots.get((int) tree.size()));
        }
        for (long size = 1; size <= 8; size++) {
            for (long i = 0; i < size; i++) {
                assertThat(Proofs.checkInclusion(i, size, tree.leafHash(i), tree.inclusionProof(i, size), tree.root(size))).isEmpty();
            }
            for (long old = 1; old <= size; old++) {
                assertThat(Proofs.checkConsistency(old, size, tree.root(old), tree.root(size), tree.consistencyProof(old, size))).isEmpty();
            }
        }
    }
}
