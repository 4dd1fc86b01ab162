package microfactory.chapter;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import microfactory.common.DemoData;

/**
 * On the first start of an empty database: with the demo on (the embedded default) it loads the demo chapter, every
 * feature's demo data in one transaction, before the web server opens; with the demo off, the server waits to be set
 * up — every page leads to /setup, which asks for the one-time token this prints in the log. The command line
 * ({@code microfactory.first-start=manual}) does neither.
 */
@Component
class ChapterSetup implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ChapterSetup.class);

    private final ChapterService chapters;
    private final List<DemoData> demoData;
    private final SetupToken token;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final boolean demo;
    private final boolean automatic;
    private final boolean inBackground;
    private volatile boolean demoLoading;
    private volatile int port;

    ChapterSetup(ChapterService chapters, List<DemoData> demoData, SetupToken token,
                 TransactionTemplate transaction, Clock clock,
                 @Value("${microfactory.demo.enabled:false}") boolean demo,
                 @Value("${microfactory.first-start:auto}") String firstStart,
                 @Value("${microfactory.demo.background:false}") boolean inBackground) {
        this.inBackground = inBackground;
        this.chapters = chapters;
        this.demoData = demoData;
        this.token = token;
        this.transaction = transaction;
        this.clock = clock;
        this.demo = demo;
        this.automatic = !firstStart.equals("manual");
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!automatic || chapters.exists()) {
            return;
        }
        if (demo && inBackground) {
            demoLoading = true; // loaded once the port is open; until then every request is told to wait (SetupGate)
        } else if (demo) {
            loadDemo();
        } else {
            token.issue();
        }
    }

    /** True while the demo chapter is loading in the background: nothing is served from a half-loaded chapter. */
    boolean demoLoading() {
        return demoLoading;
    }

    /** The demo, every feature's part in one transaction: a failed start leaves an empty database, not half a chapter. */
    private void loadDemo() {
        long start = System.nanoTime();
        transaction.executeWithoutResult(status -> {
            chapters.create(DemoChapter.identity(LocalDate.now(clock)));
            demoData.stream().sorted(Comparator.comparingInt(DemoData::order)).forEach(DemoData::load);
        });
        log.info("Loaded the demo chapter '{}' ({} parts) in {} ms.", DemoChapter.NAME, demoData.size(),
                (System.nanoTime() - start) / 1_000_000);
    }

    private void announce() {
        log.info("{} is open at http://localhost:{}{}", chapters.chapterName(), port, DemoChapter.NAME.equals(chapters.chapterName())
                ? " — demo logins: steward@demo.local / demo-steward, member@demo.local / demo-member, admin@demo.local / demo-admin"
                : "");
    }

    /** Says where to open the chapter (and, for the demo, how to log in), once the server's address is known. */
    @EventListener
    void serverStarted(WebServerInitializedEvent event) {
        port = event.getWebServer().getPort();
        if (demoLoading) {
            log.info("Loading the demo chapter; http://localhost:{} says so until it is ready.", port);
            Thread loader = new Thread(() -> {
                try {
                    loadDemo();
                    announce();
                } catch (RuntimeException e) {
                    log.error("The demo chapter could not be loaded; the database is left empty", e);
                } finally {
                    demoLoading = false;
                }
            }, "demo-loader");
            loader.start();
        } else if (chapters.exists()) {
            announce();
        } else if (automatic && !demo) {
            log.warn("""

                    This chapter is not set up yet. Open http://localhost:{}/setup and give this one-time set-up token:

                        {}

                    (or stop the server and run: java -jar microfactory.jar chapter init --help)
                    """, event.getWebServer().getPort(), token.issue());
        }
    }
}
