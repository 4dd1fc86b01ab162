package microfactory.network;

import org.eclipse.jgit.errors.CorruptObjectException;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.BlobObjectChecker;
import org.eclipse.jgit.lib.ObjectChecker;

/**
 * Git's own object checks, counting the bytes of every object a fetch receives as they are inflated: a chapter that
 * serves a huge design repository (or a pack that inflates to one) is cut off mid-stream, not read into memory whole.
 * JGit's fetch offers no size limit of its own, but passes every object through the transport's checker.
 */
class CappedObjects extends ObjectChecker {

    /** Thrown from inside the pack parser, unchecked because a blob checker's {@code update} may not throw checked ones. */
    static final class TooLarge extends RuntimeException {
        TooLarge(long limit) {
            super("it holds more than " + (limit >= 1 << 20 ? limit / (1 << 20) + " MiB" : limit + " bytes") + " of objects, the limit set by "
                    + "microfactory.network.max-design-bytes");
        }
    }

    private final long limit;
    private long seen;

    CappedObjects(long limit) {
        this.limit = limit;
    }

    private void count(long bytes) {
        seen += bytes;
        if (seen > limit) {
            throw new TooLarge(limit);
        }
    }

    @Override
    public void check(AnyObjectId id, int objType, byte[] raw) throws CorruptObjectException {
        count(raw.length);
        super.check(id, objType, raw);
    }

    @Override
    public BlobObjectChecker newBlobObjectChecker() {
        return new BlobObjectChecker() {
            @Override
            public void update(byte[] in, int offset, int len) {
                count(len);
            }

            @Override
            public void endBlob(AnyObjectId id) {
                // counted as it streamed
            }
        };
    }
}
