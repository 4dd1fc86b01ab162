package microfactory.chapter;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import microfactory.common.SignUpMode;
import microfactory.audit.AuditAction;
import microfactory.audit.AuditLog;
import microfactory.common.FieldProblem;
import microfactory.common.InvalidInputException;
import microfactory.kit.EnterpriseKit;
import microfactory.kit.KitArchive;
import microfactory.learning.LearningService;
import microfactory.learning.Track;
import microfactory.ledger.Account;
import microfactory.ledger.LedgerService;
import microfactory.members.MemberService;
import microfactory.members.Role;
import microfactory.members.SignUp;
import microfactory.signing.SigningKeys;

/**
 * Founds a real chapter in an empty database, in one transaction: the chapter, its signing key (named after its public
 * URL), its first administrator, a standard chart of accounts in its currency and the starter curriculum (three tracks, shop safety, the quality
 * badge's modules). No demo
 * data. Used by {@code chapter init} and the set-up page.
 */
@Service
public class ChapterFounding {

    /** The admin's fields as a new account names them, and as the set-up names them. */
    private static final Map<String, String> ADMIN_FIELDS = Map.of(
            "email", "adminEmail", "displayName", "adminName", "password", "adminPassword");

    private final ChapterService chapters;
    private final SigningKeys keys;
    private final MemberService members;
    private final LedgerService ledger;
    private final LearningService learning;
    private final EnterpriseKit kits;
    private final AuditLog audit;
    private final Clock clock;

    ChapterFounding(ChapterService chapters, SigningKeys keys, MemberService members, LedgerService ledger,
                    LearningService learning, EnterpriseKit kits, AuditLog audit, Clock clock) {
        this.kits = kits;
        this.chapters = chapters;
        this.keys = keys;
        this.members = members;
        this.ledger = ledger;
        this.learning = learning;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The problems that need no database (formats, the password's strength), by field: what {@code chapter init}
     * checks before it opens the database.
     */
    static List<FieldProblem> staticProblems(Founding f) {
        List<FieldProblem> problems = chapterProblems(f);
        if (f.adminEmail() == null || !f.adminEmail().strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            problems.add(new FieldProblem("adminEmail", "enter a valid email address"));
        }
        MemberService.passwordWeakness(f.adminPassword(), f.adminEmail(), f.adminName())
                .ifPresent(why -> problems.add(new FieldProblem("adminPassword", why)));
        return problems;
    }

    private static List<FieldProblem> chapterProblems(Founding f) {
        List<FieldProblem> problems = new ArrayList<>(ChapterService.problems(new ChapterEdit(f.name(), f.site(), f.region(),
                null, f.timeZone(), f.publicUrl(), f.currency(), null, null, null, null, null)));
        if (f.publicUrl() == null || f.publicUrl().isBlank()) {
            ChapterRules.urlProblem(f.publicUrl()).ifPresent(p -> problems.add(new FieldProblem("publicUrl", p)));
        }
        return problems;
    }

    /** Every problem with the facts, by field, before anything is stored. */
    public List<FieldProblem> problems(Founding f) {
        List<FieldProblem> problems = chapterProblems(f);
        for (FieldProblem p : members.problemsWith(admin(f))) {
            problems.add(new FieldProblem(ADMIN_FIELDS.getOrDefault(p.field(), p.field()), p.message()));
        }
        return problems;
    }

    @Transactional
    public Founded found(Founding f) {
        chapters.requireNone();
        List<FieldProblem> problems = problems(f);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String url = ChapterRules.normaliseUrl(f.publicUrl());
        String currency = ChapterRules.normaliseCurrency(f.currency());
        Chapter chapter = new Chapter(f.name().strip(), blank(f.site()), blank(f.region()), currency, LocalDate.now(clock.withZone(
                ZoneId.of(f.timeZone().strip()))), ChapterRules.DEFAULT_MISSION, f.timeZone().strip(), url, null, null, null, null,
                SignUpMode.EMAIL_LINK); // a real chapter tells no stranger who its members are; admins may choose at once
        chapters.create(chapter);
        String origin = ChapterRules.origin(url);
        keys.create(origin);
        members.add(admin(f));
        List<String> accounts = ledger.openStandardChart(currency).stream().map(Account::code).toList();
        learning.addStarterCurriculum();
        audit.record(AuditAction.CHAPTER_FOUNDED, chapter.name(), null, chapter);
        return new Founded(chapters.chapter(), origin, f.adminEmail().strip(), accounts,
                learning.tracks().stream().map(Track::code).toList(), keys.protectionDescription());
    }

    /**
     * Founds a chapter from a checked enterprise kit, in one transaction: the chapter as {@link #found(Founding)} does, then
     * everything the kit holds (designs, curriculum, plans, bays, machines), and the chapter's lineage as its ledger's
     * first event after the accounts, {@code chapter.replicated}. Anything wrong leaves nothing behind.
     */
    @Transactional
    public FoundedFromKit found(Founding f, KitArchive.Kit kit) {
        Founded founded = found(f);
        EnterpriseKit.Loaded loaded = kits.load(kit);
        KitArchive.Manifest m = kit.manifest();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("originChapter", m.chapter());
        event.put("originUrl", m.publicUrl());
        event.put("originKey", m.publicKey());
        event.put("manifestSha256", kit.manifestSha256());
        event.put("checkpointSize", m.checkpoint().size());
        event.put("checkpointRoot", m.checkpoint().rootHash());
        long index = ledger.record("chapter.replicated", event);
        ChapterLineage lineage = new ChapterLineage(m.chapter(), m.publicUrl(), m.publicKey(), kit.manifestSha256(), m.checkpoint().size(),
                m.checkpoint().rootHash(), index, clock.instant());
        chapters.recordLineage(lineage);
        audit.record(AuditAction.CHAPTER_FOUNDED, founded.chapter().name() + " from the kit of " + m.chapter(), null, lineage);
        return new FoundedFromKit(founded, lineage, loaded);
    }

    private static SignUp admin(Founding f) {
        String name = f.adminName() == null || f.adminName().isBlank() ? "Administrator" : f.adminName();
        return new SignUp(f.adminEmail(), name, f.adminPassword(), null, Role.ADMIN);
    }

    private static String blank(String s) {
        return s == null ? "" : s.strip();
    }
}
