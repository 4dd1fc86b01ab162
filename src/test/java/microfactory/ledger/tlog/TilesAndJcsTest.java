package microfactory.ledger.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class TilesAndJcsTest {

    @Test
    void tileIndexesUseTheSpecsPathElements() {
        assertThat(Tiles.encodeIndex(1234067)).isEqualTo("x001/x234/067");
        assertThat(Tiles.encodeIndex(0)).isEqualTo("000");
        assertThat(Tiles.encodeIndex(1000)).isEqualTo("x001/000");
        assertThat(Tiles.parse("tile/0/x001/x234/067.p/8")).hasValueSatisfying(a -> {
            assertThat(a.level()).isZero();
            assertThat(a.index()).isEqualTo(1234067);
            assertThat(a.width()).isEqualTo(8);
        });
        assertThat(Tiles.parse("tile/entries/001")).hasValueSatisfying(a -> assertThat(a.entries()).isTrue());
        assertThat(Tiles.parse("tile/0/1")).isEmpty();
        assertThat(Tiles.parse("tile/0/000.p/256")).isEmpty();
        assertThat(Tiles.parse("tile/64/000")).isEmpty();
    }

    @Test
    void theTilesOfATreeCoverEveryLevel() {
        List<Tiles.Address> tiles = Tiles.forTree(70_000);
        assertThat(tiles).filteredOn(a -> a.entries()).hasSize(274);
        assertThat(tiles).filteredOn(a -> !a.entries() && a.level() == 0).hasSize(274);
        assertThat(tiles).filteredOn(a -> !a.entries() && a.level() == 1).extracting(Tiles.Address::width)
                .containsExactly(256, 70_000 / 256 - 256);
        assertThat(tiles).filteredOn(a -> !a.entries() && a.level() == 2).singleElement()
                .satisfies(a -> assertThat(a.width()).isEqualTo(1));
    }

    @Test
    void bundlesRoundTripAndBrokenFramingIsNamed() {
        byte[] bundle = Tiles.bundle(List.of("a".getBytes(), new byte[0], "{\"x\":1}".getBytes()));
        assertThat(Tiles.unbundle(bundle)).hasSize(3);
        assertThatThrownBy(() -> Tiles.unbundle(Arrays.copyOf(bundle, bundle.length - 1)))
                .hasMessageContaining("entry 2");
    }

    @Test
    void canonicalJsonSortsMembersAndEscapesAsRfc8785() {
        byte[] c = Jcs.recanonicalise("{ \"b\": [1, true, null], \"a\": \"é\\u0001\\n\", \"\\u20ac\": 2, \"1\": {} }"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(new String(c, StandardCharsets.UTF_8)).isEqualTo("{\"1\":{},\"a\":\"é\\u0001\\n\",\"b\":[1,true,null],\"€\":2}");
        assertThatThrownBy(() -> Jcs.recanonicalise("{\"x\": 1.5}".getBytes())).hasMessageContaining("whole numbers");
        assertThatThrownBy(() -> Jcs.recanonicalise("{\"x\": 9007199254740992}".getBytes())).hasMessageContaining("2^53");
    }
}
