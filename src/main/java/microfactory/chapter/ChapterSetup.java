package microfactory.chapter;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import microfactory.common.DemoData;

/**
 * On the first start, gives the database its chapter: the demo chapter with every feature's demo data
 * (embedded database, the default), or a bare chapter from microfactory.chapter.* (production).
 * All of it in one transaction, so a failed start leaves an empty database, not half a chapter. It runs
 * before the web server opens, so nobody sees the chapter empty while it loads.
 */
@Component
class ChapterSetup implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ChapterSetup.class);

    private final ChapterService chapters;
    private final List<DemoData> demoData;
    private final ChapterProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final boolean demo;

    ChapterSetup(ChapterService chapters, List<DemoData> demoData, ChapterProperties properties,
                 TransactionTemplate transaction, Clock clock, @Value("${microfactory.demo.enabled:false}") boolean demo) {
        this.chapters = chapters;
        this.demoData = demoData;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
        this.demo = demo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (chapters.exists()) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            if (demo) {
                chapters.create(DemoChapter.identity(LocalDate.now(clock)));
                demoData.stream().sorted(Comparator.comparingInt(DemoData::order)).forEach(DemoData::load);
                log.info("Loaded the demo chapter '{}' ({} parts).", DemoChapter.NAME, demoData.size());
            } else {
                chapters.create(new Chapter(properties.name(), properties.site(), properties.region(),
                        properties.currency(), LocalDate.now(clock), properties.mission()));
                log.info("Created the chapter '{}'.", properties.name());
            }
        });
    }
}
