package microfactory.network;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;

import microfactory.chapter.ChapterService;
import microfactory.ledger.LedgerService;
import microfactory.ledger.report.Economics;
import microfactory.ledger.report.EconomicsReport;
import microfactory.ledger.report.ProductionTally;
import microfactory.ledger.tlog.Tiles;
import microfactory.ledger.verify.LedgerVerifier;
import microfactory.ledger.verify.LogSource;
import microfactory.ledger.verify.VerifyResult;

/**
 * The network's measured output: this chapter and every chapter it follows, each figure read from a ledger verified in
 * full here (checkpoint under the key pinned when it was followed, every entry, the tree) — members, units by design and
 * by month, builds, value produced — and the chapters that could not be verified, with the reason. Made at most once a
 * minute while the chapters followed stay as they were: a full verification costs them a download of their logs.
 */
@Service
public class NetworkSummaries {

    static final Duration FRESH = Duration.ofMinutes(1);
    private final NetworkRepository network;
    private final LedgerService ledger;
    private final ChapterService chapter;
    private final Clock clock;
    private volatile NetworkSummary made;
    private volatile List<String> madeFor = List.of();

    NetworkSummaries(NetworkRepository network, LedgerService ledger, ChapterService chapter, Clock clock) {
        this.network = network;
        this.ledger = ledger;
        this.chapter = chapter;
        this.clock = clock;
    }

    /** One chapter's figures, from its verified ledger. */
    public record ChapterFigures(String name, String url, String origin, long ledgerSize, long members, long units, long builds,
                                 Map<String, Long> unitsByDesign, Map<String, Long> unitsByMonth, Map<String, Long> buildsByMonth,
                                 long valueProducedMinor, String currency) {
    }

    /** A chapter whose ledger did not verify, and why: nothing of it is counted. */
    public record Unverified(String name, String url, String reason) {
    }

    public record NetworkSummary(Instant at, int chaptersFollowed, int chaptersCounted, long members, long units, long builds,
                                 Map<String, Long> unitsByDesign, Map<String, Long> unitsByMonth, Map<String, Long> valueProducedMinor,
                                 List<ChapterFigures> chapters, List<Unverified> unverified) {
    }

    /** The summary, made again when a minute has passed or the chapters followed (or what was verified of them) changed. */
    public synchronized NetworkSummary summary() {
        NetworkSummary s = made;
        List<String> followed = network.all().stream().map(p -> p.id() + ":" + p.status() + ":" + p.verifiedSize()).toList();
        if (s == null || s.at().plus(FRESH).isBefore(clock.instant()) || !followed.equals(madeFor)) {
            s = make();
            made = s;
            madeFor = followed;
        }
        return s;
    }

    private NetworkSummary make() {
        List<ChapterFigures> counted = new ArrayList<>();
        List<Unverified> unverified = new ArrayList<>();
        String ownUrl = chapter.publicUrl();
        try {
            counted.add(figures(chapter.chapter().name(), ownUrl, ledger.origin(), ownLog()));
        } catch (IOException | RuntimeException e) {
            unverified.add(new Unverified(chapter.chapter().name(), ownUrl, "this chapter's own ledger did not verify: " + e.getMessage()));
        }
        List<Peer> peers = network.all();
        for (Peer p : peers) {
            try {
                counted.add(figures(p.name(), p.url(), p.origin(), pinned(LogSource.of(p.url() + "/ledger"), p.ledgerKey())));
            } catch (IOException | RuntimeException e) {
                unverified.add(new Unverified(p.name(), p.url(), e.getMessage()));
            }
        }
        Map<String, Long> byDesign = new TreeMap<>();
        Map<String, Long> byMonth = new TreeMap<>();
        Map<String, Long> value = new TreeMap<>();
        long members = 0;
        long units = 0;
        long builds = 0;
        for (ChapterFigures f : counted) {
            members += f.members();
            units += f.units();
            builds += f.builds();
            f.unitsByDesign().forEach((k, v) -> byDesign.merge(k, v, Long::sum));
            f.unitsByMonth().forEach((k, v) -> byMonth.merge(k, v, Long::sum));
            if (f.currency() != null) {
                value.merge(f.currency(), f.valueProducedMinor(), Long::sum);
            }
        }
        return new NetworkSummary(clock.instant(), peers.size(), counted.size(), members, units, builds, byDesign, byMonth, value, counted,
                unverified);
    }

    /** Verifies the log in full, then reads its figures from the verified entries; a log that does not verify is an exception. */
    private static ChapterFigures figures(String name, String url, String origin, LogSource log) throws IOException {
        VerifyResult r = LedgerVerifier.verify(log, null, null);
        if (!r.ok()) {
            throw new IllegalStateException("its ledger did not verify: " + r.problem());
        }
        EconomicsReport economics = new EconomicsReport();
        ProductionTally production = new ProductionTally();
        LedgerVerifier.entries(log, r.size(), entry -> {
            economics.accept(entry);
            production.accept(entry);
        });
        ProductionTally.Production p = production.result();
        Economics e = economics.result();
        return new ChapterFigures(name, url, origin, r.size(), p.members(), p.units(), p.buildsByMonth().values().stream().mapToLong(Long::longValue).sum(),
                p.unitsByDesign(), p.unitsByMonth(), p.buildsByMonth(), e.valueProducedMinor(), e.currency());
    }

    /** A followed chapter's published log, its key the one pinned when it was followed, not the one it serves now. */
    private static LogSource pinned(LogSource served, String pinnedKey) {
        return new LogSource() {
            @Override
            public byte[] read(String path) throws IOException {
                return path.equals("key") ? (pinnedKey + "\n").getBytes(StandardCharsets.UTF_8) : served.read(path);
            }

            @Override
            public String where(String path) {
                return served.where(path);
            }
        };
    }

    /** This chapter's own log, read in process as its public files. */
    private LogSource ownLog() {
        return new LogSource() {
            @Override
            public byte[] read(String path) {
                return switch (path) {
                    case "key" -> (ledger.verifierKey() + "\n").getBytes(StandardCharsets.UTF_8);
                    case "checkpoint" -> ledger.checkpoint().getBytes(StandardCharsets.UTF_8);
                    default -> Tiles.parse(path).flatMap(ledger::tile).orElse(null);
                };
            }

            @Override
            public String where(String path) {
                return "this chapter's ledger: " + path;
            }
        };
    }
}
