package microfactory.chapter;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import microfactory.common.SignUpMode;
import microfactory.audit.AuditAction;
import microfactory.audit.AuditLog;
import microfactory.common.ChapterSettings;
import microfactory.common.ConflictException;
import microfactory.common.FieldProblem;
import microfactory.common.InvalidInputException;
import microfactory.ledger.LedgerService;

/**
 * The chapter's identity and settings. Read on every page, so kept in memory once known. Its public URL, until an
 * admin sets one, is {@code microfactory.public-url} or the address the server was started on.
 */
@Service
public class ChapterService implements ChapterSettings {

    private final ChapterRepository chapters;
    private final LedgerService ledger;
    private final AuditLog audit;
    private final String configuredUrl;
    private volatile int serverPort;
    private volatile Chapter cached;

    ChapterService(ChapterRepository chapters, LedgerService ledger, AuditLog audit,
                   @Value("${microfactory.public-url:}") String configuredUrl, @Value("${server.port:8080}") int serverPort) {
        this.chapters = chapters;
        this.ledger = ledger;
        this.audit = audit;
        this.configuredUrl = configuredUrl.isBlank() ? null : ChapterRules.normaliseUrl(configuredUrl);
        this.serverPort = serverPort;
    }

    /** The chapter, with its public URL as people reach it (the default when none is set). */
    public Chapter chapter() {
        Chapter c = cached;
        if (c == null) {
            c = chapters.find().orElseThrow(() -> new IllegalStateException("The chapter has not been set up yet."));
            cached = c;
        }
        return c.publicUrl() == null ? c.withPublicUrl(defaultUrl()) : c;
    }

    public Optional<Chapter> find() {
        return exists() ? Optional.of(chapter()) : Optional.empty();
    }

    public boolean exists() {
        return cached != null || chapters.find().isPresent();
    }

    /** True while the public URL is a default (not set by an admin) or names this machine: links would not work elsewhere. */
    public boolean publicUrlIsLocal() {
        String url = publicUrl();
        return url.matches("https?://(localhost|127\\.[0-9.]+|\\[::1\\]|0\\.0\\.0\\.0)([:/].*)?");
    }

    void create(Chapter chapter) {
        chapters.insert(chapter);
        cached = null;
    }

    /** Changes the settings; the currency only while the ledger has nothing in the old one. */
    @Transactional
    public Chapter update(ChapterEdit edit) {
        Chapter before = chapters.find().orElseThrow(() -> new IllegalStateException("The chapter has not been set up yet."));
        List<FieldProblem> problems = problems(edit);
        if (problems.isEmpty() && !ChapterRules.normaliseCurrency(edit.currency()).equals(before.currency())
                && ledger.usesCurrency(before.currency())) {
            problems.add(new FieldProblem("currency", "the chapter's books are kept in " + before.currency()
                    + " since its ledger has entries in it; the currency cannot change any more"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Chapter after = new Chapter(edit.name().strip(), blankToEmpty(edit.site()), blankToEmpty(edit.region()),
                ChapterRules.normaliseCurrency(edit.currency()), before.foundedOn(),
                edit.mission() == null || edit.mission().isBlank() ? ChapterRules.DEFAULT_MISSION : edit.mission().strip(),
                edit.timeZone().strip(), edit.publicUrl() == null || edit.publicUrl().isBlank() ? null
                        : ChapterRules.normaliseUrl(edit.publicUrl()),
                edit.startUpCapitalMinor(), edit.productionPerDayMinor(), edit.buildsPerBayPerYear(), edit.hourlyValueMinor(),
                edit.signUpMode() == null ? before.signUpMode() : edit.signUpMode());
        chapters.update(after);
        audit.record(AuditAction.CHAPTER_SETTINGS_CHANGED, after.name(), before, after);
        cached = null;
        return chapter();
    }

    static List<FieldProblem> problems(ChapterEdit e) {
        List<FieldProblem> problems = new ArrayList<>();
        ChapterRules.text(problems, "name", e.name(), 200, true, "give the chapter a name, such as Lagos Microfactory");
        ChapterRules.text(problems, "site", e.site(), 300, false, "");
        ChapterRules.text(problems, "region", e.region(), 200, false, "");
        ChapterRules.text(problems, "mission", e.mission(), 2000, false, "");
        ChapterRules.zoneProblem(e.timeZone()).ifPresent(p -> problems.add(new FieldProblem("timeZone", p)));
        if (e.publicUrl() != null && !e.publicUrl().isBlank()) {
            ChapterRules.urlProblem(e.publicUrl()).ifPresent(p -> problems.add(new FieldProblem("publicUrl", p)));
        }
        ChapterRules.currencyProblem(e.currency()).ifPresent(p -> problems.add(new FieldProblem("currency", p)));
        ChapterRules.positive(problems, "startUpCapitalMinor", e.startUpCapitalMinor());
        ChapterRules.positive(problems, "productionPerDayMinor", e.productionPerDayMinor());
        ChapterRules.positive(problems, "buildsPerBayPerYear", e.buildsPerBayPerYear());
        ChapterRules.positive(problems, "hourlyValueMinor", e.hourlyValueMinor());
        return problems;
    }

    /** Refuses a second chapter in one database. */
    /** Where this chapter came from, when it was started from another chapter's enterprise kit. */
    public Optional<ChapterLineage> lineage() {
        return chapters.lineage();
    }

    void recordLineage(ChapterLineage lineage) {
        chapters.insertLineage(lineage);
    }

    void requireNone() {
        find().ifPresent(c -> {
            throw new ConflictException("This database already holds the chapter '" + c.name() + "'; nothing was changed.");
        });
    }

    @EventListener
    void serverStarted(WebServerInitializedEvent event) {
        serverPort = event.getWebServer().getPort();
    }

    private String defaultUrl() {
        return configuredUrl != null ? configuredUrl : "http://localhost" + (serverPort == 80 || serverPort <= 0 ? "" : ":" + serverPort);
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.strip();
    }

    @Override
    public String chapterName() {
        return exists() ? chapter().name() : "Microfactory";
    }

    @Override
    public ZoneId zone() {
        return exists() ? chapter().zone() : ZoneOffset.UTC;
    }

    @Override
    public String publicUrl() {
        return exists() ? chapter().publicUrl() : defaultUrl();
    }

    @Override
    public String currency() {
        return exists() ? chapter().currency() : "USD";
    }

    @Override
    public Long productionPerDayTargetMinor() {
        return exists() ? chapter().productionPerDayMinor() : null;
    }

    @Override
    public Long hourlyValueMinor() {
        return exists() ? chapter().hourlyValueMinor() : null;
    }

    @Override
    public Long startUpCapitalTargetMinor() {
        return exists() ? chapter().startUpCapitalMinor() : null;
    }

    @Override
    public SignUpMode signUpMode() {
        return exists() ? chapter().signUpMode() : SignUpMode.INSTANT;
    }
}
