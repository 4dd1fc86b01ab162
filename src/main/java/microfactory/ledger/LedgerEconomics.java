package microfactory.ledger;

import java.util.Arrays;

import org.springframework.stereotype.Service;

import microfactory.ledger.report.Economics;
import microfactory.ledger.report.EconomicsReport;

/**
 * The chapter's economics computed from its public log, exactly as {@code ledger report} computes them from a mirror.
 * Kept up to date incrementally: each call feeds only the entries appended since the last, and starts over if the
 * log it had read was replaced (a restore).
 */
@Service
public class LedgerEconomics {

    private static final int PAGE = 1_000;
    private final PublicLog log;
    private final EntryRepository entries;
    private EconomicsReport report = new EconomicsReport();
    private byte[] lastLeaf; // the leaf hash of the last entry fed, to notice a replaced log

    LedgerEconomics(PublicLog log, EntryRepository entries) {
        this.log = log;
        this.entries = entries;
    }

    public synchronized Economics economics() {
        long size = log.size();
        if (report.fed() > size || (report.fed() > 0
                && !Arrays.equals(lastLeaf, entries.find(report.fed() - 1).map(LedgerEntry::leafHash).orElse(null)))) {
            report = new EconomicsReport();
            lastLeaf = null;
        }
        for (long from = report.fed(); from < size; from += PAGE) {
            for (LedgerEntry e : entries.range(from, Math.min(size, from + PAGE))) {
                report.accept(e.body());
                lastLeaf = e.leafHash();
            }
        }
        return report.result();
    }
}
