package microfactory.ledger.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Repeated transfer ids are found at the end, the first in log order, and a hash collision is never one. */
class TransferIdsTest {

    final Map<Long, String> idsByPosition = new HashMap<>();

    void add(TransferIds ids, long entry, int transfer, String id, Long forcedHash) {
        long position = TransferIds.position(entry, transfer);
        idsByPosition.put(position, id);
        byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
        ids.add(forcedHash != null ? forcedHash : ByteKeys.hash(bytes, 0, bytes.length), position);
    }

    @Test
    void theFirstRepeatInLogOrderAmongManyBuckets() {
        TransferIds ids = new TransferIds(16); // grows as it goes
        for (int e = 0; e < 100_000; e++) {
            add(ids, e, 0, "t-" + e, null);
        }
        assertThat(ids.firstRepeat(idsByPosition::get)).isEqualTo(-1);
        add(ids, 100_000, 3, "t-99999", null); // in another bucket than the next, most likely
        add(ids, 100_001, 0, "t-77", null);
        long first = ids.firstRepeat(idsByPosition::get);
        assertThat(TransferIds.entry(first)).isEqualTo(100_000);
        assertThat(TransferIds.transfer(first)).isEqualTo(3);
    }

    @Test
    void aSharedHashIsNotARepeatButARepeatBehindItIsFound() {
        TransferIds ids = new TransferIds(4);
        add(ids, 0, 0, "a", 42L);
        add(ids, 1, 0, "b", 42L); // the same hash, another id
        assertThat(ids.firstRepeat(idsByPosition::get)).isEqualTo(-1);
        add(ids, 2, 1, "b", 42L);
        assertThat(ids.firstRepeat(idsByPosition::get)).isEqualTo(TransferIds.position(2, 1));
    }
}
