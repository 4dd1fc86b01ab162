package microfactory.ledger.tlog;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The layouts ({@link JsonShape}) a learning cursor has met: which to try for a document, which to keep, and when
 * to stop. A document that has a known layout is checked and read several times faster than in full; one that has
 * none was first tried against the layouts, so trying must stay cheap and must stop where it does not pay.
 */
final class Layouts {

    /** How many layouts are kept, most recently met first. */
    static final int SIZE = 16;
    /** A layout with more values than this is not kept: few entries are that large, and matching it would cost more. */
    static final int MAX_VALUES = 4096;
    /** Documents per stretch, after which the cursor weighs what trying layouts cost against what it spared. */
    static final int STRETCH = 1024;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final boolean persistent; // never stops trying (for tests of layouts against full checks)
    private final JsonShape[] list = new JsonShape[SIZE];
    private int count;
    // Which layout a document is likely in, by what mostly differs between layouts and mostly does not within one:
    // its last eight bytes (where the frame ends) and its length to sixteen bytes. Only a hint: that layout is tried
    // first, then the list.
    private final JsonShape[] hints = new JsonShape[256];
    private int learnt; // layouts learnt, and documents that had one: learning stops when it is not paying off
    private int matched;
    // In the current stretch: the layouts tried, and the documents that had one. When the layouts tried are more than
    // a dozen per document they spared (a log of ever-new layouts), the cursor stops trying them.
    private int stretch;
    private int tries;
    private int hits;

    Layouts(boolean persistent) {
        this.persistent = persistent;
    }

    /**
     * The layout [from, to) of {@code b} has, if a known one: then its values' bounds and numbers are in the arrays.
     * {@code strings} checks a string in full where it is not plain ASCII.
     */
    JsonShape find(byte[] b, int from, int to, int[] starts, int[] ends, long[] numbers, CanonicalJson strings) {
        if (count == 0) {
            return null;
        }
        JsonShape found = null;
        int hint = hint(b, from, to);
        JsonShape hinted = hints[hint];
        if (hinted != null) {
            tries++;
            found = hinted.match(b, from, to, starts, ends, numbers, strings);
        }
        for (int k = 0; found == null && k < count; k++) {
            JsonShape layout = list[k];
            if (layout != hinted) {
                tries++;
                found = layout.match(b, from, to, starts, ends, numbers, strings);
                if (found != null) {
                    System.arraycopy(list, 0, list, 1, k); // most recently met first
                    list[0] = layout;
                    hints[hint] = layout;
                }
            }
        }
        if (found != null) {
            matched++;
            hits++;
        }
        if (++stretch == STRETCH) {
            if (tries > 12 * hits && !persistent) {
                count = 0;
                Arrays.fill(list, null);
                Arrays.fill(hints, null);
                learnt = Integer.MAX_VALUE; // and learns no more
            }
            stretch = 0;
            tries = 0;
            hits = 0;
        }
        return found;
    }

    private static int hint(byte[] bytes, int from, int to) {
        long tail = to - from >= 8 ? (long) LONGS.get(bytes, to - 8) : 0;
        long key = tail ^ (to - from >>> 4) * 0xC2B2AE3D27D4EB4FL;
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 56);
    }

    /**
     * After [from, to) of {@code b} was checked in full: keeps its layout, unless learning has not paid off (many
     * layouts, few repeats) or the layout is too large. Returns the layout kept, or null.
     */
    JsonShape learn(byte[] b, int from, int to) {
        if (learnt > 64 && matched < learnt && !persistent) {
            return null;
        }
        JsonShape learned = JsonShape.of(b, from, to);
        if (learned.values() > MAX_VALUES) {
            return null;
        }
        count = Math.min(count + 1, SIZE);
        System.arraycopy(list, 0, list, 1, count - 1);
        list[0] = learned;
        learnt++;
        return learned;
    }
}
