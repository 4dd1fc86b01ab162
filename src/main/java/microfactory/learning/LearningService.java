package microfactory.learning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Validator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import microfactory.audit.AuditAction;
import microfactory.audit.AuditLog;
import microfactory.common.ConflictException;
import microfactory.common.FieldProblem;
import microfactory.common.InvalidInputException;
import microfactory.common.NotFoundException;
import microfactory.members.MemberService;
import microfactory.merit.Badge;
import microfactory.merit.MeritService;

/**
 * Rapid learning: modules learnable in minutes, assessed once per submission, earning badges through merit.
 * Also the gates: whether a member may do work needing a skill at a level, and which modules would get them there.
 */
@Service
public class LearningService {

    private final LearningRepository learning;
    private final MeritService merit;
    private final MemberService members;
    private final AuditLog audit;
    private final Validator validator;
    private final StarterCurriculum starter;

    LearningService(LearningRepository learning, MeritService merit, MemberService members,
                    AuditLog audit, Validator validator, StarterCurriculum starter) {
        this.starter = starter;
        this.audit = audit;
        this.validator = validator;
        this.learning = learning;
        this.merit = merit;
        this.members = members;
    }

    public List<Track> tracks() {
        return learning.tracks();
    }

    public Track track(String code) {
        return learning.tracks().stream().filter(t -> t.code().equals(code)).findFirst()
                .orElseThrow(() -> new NotFoundException("track", code));
    }

    /** A new track; a steward writes modules into it. */
    @Transactional
    public Track addTrack(Track track) {
        Track t = checked(track);
        if (learning.tracks().stream().anyMatch(existing -> existing.code().equals(t.code()))) {
            throw InvalidInputException.of("code", "a track with code '" + t.code() + "' exists already");
        }
        learning.insertTrack(t);
        audit.record(AuditAction.TRACK_ADDED, t.code(), null, t);
        return t;
    }

    /** Renames or re-describes a track; its code stays (modules point at it). */
    @Transactional
    public Track updateTrack(String code, Track track) {
        Track before = track(code);
        Track t = checked(new Track(code, track.name(), track.kind(), track.description()));
        learning.updateTrack(t);
        audit.record(AuditAction.TRACK_CHANGED, code, before, t);
        return t;
    }

    /**
     * What a new chapter's curriculum starts with: the know-what, know-how and know-why tracks, shop safety and the
     * route to the quality badge (its holders sign final inspections).
     */
    @Transactional
    public void addStarterCurriculum() {
        Track.STANDARD.stream().filter(t -> learning.tracks().stream().noneMatch(e -> e.code().equals(t.code())))
                .forEach(learning::insertTrack);
        starter.add();
    }

    private Track checked(Track track) {
        List<FieldProblem> problems = validator.validate(track).stream()
                .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage())).toList();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Track(track.code(), track.name().strip(), track.kind(),
                track.description() == null ? "" : track.description().strip());
    }

    public List<Module> modules() {
        return learning.modules();
    }

    public Module module(String code) {
        return learning.module(code).orElseThrow(() -> new NotFoundException("module", code));
    }

    public List<Question> questions(String code) {
        return learning.questions(module(code).id());
    }

    /**
     * The module a member would best take next: the first, in curriculum order, that they have not passed, whose
     * prerequisites they meet and whose badge they do not hold already; empty when there is none.
     */
    public Optional<Module> nextModule(long memberId) {
        List<String> passed = learning.passedModules(memberId);
        return learning.modules().stream()
                .filter(m -> !passed.contains(m.code()))
                .filter(m -> merit.levelOf(memberId, m.skill()) < m.level())
                .filter(m -> missingPrerequisites(memberId, m).isEmpty())
                .min(Comparator.comparingInt(Module::level).thenComparing(Module::minutes));
    }

    public List<String> passed(long memberId) {
        return learning.passedModules(memberId);
    }

    /** Modules whose prerequisites the member has not passed (nor holds the badge for); empty when they may start. */
    public List<String> missingPrerequisites(long memberId, Module m) {
        List<String> passed = learning.passedModules(memberId);
        List<String> missing = new ArrayList<>();
        for (String p : m.prerequisites()) {
            Module pre = learning.module(p).orElse(null);
            boolean holds = pre != null && merit.levelOf(memberId, pre.skill()) >= pre.level();
            if (!passed.contains(p) && !holds) {
                missing.add(p);
            }
        }
        return missing;
    }

    /**
     * Scores an assessment. The form's token makes a second submission of the same form a refusal, not a
     * second attempt. Passing a theory module issues the badge; a practical one waits for a mentor's sign-off.
     */
    @Transactional
    public Attempt submit(long memberId, String code, Map<Long, String> answers, String token) {
        Module m = module(code);
        if (token == null || token.isBlank() || token.length() > 64) {
            throw InvalidInputException.of("token", "the assessment form carries a token; reload the page and submit again");
        }
        if (learning.tokenUsed(token)) {
            throw new ConflictException("This assessment was submitted already; reload the module to try again.");
        }
        List<String> missing = missingPrerequisites(memberId, m);
        if (!missing.isEmpty()) {
            throw new ConflictException("Pass " + String.join(", ", missing) + " first: " + m.title() + " builds on it.");
        }
        requireTrainingRight(memberId);
        if (answers.values().stream().allMatch(a -> a == null || a.isBlank())) {
            throw InvalidInputException.of("answers", "answer the questions first: an empty form is not counted as an attempt");
        }
        List<Question> questions = learning.questions(m.id());
        List<Integer> wrong = questions.stream().filter(q -> !q.correct(answers.get(q.id()))).map(Question::seq).toList();
        int score = questions.isEmpty() ? 100 : (int) (100 * (questions.size() - wrong.size()) / questions.size());
        boolean passed = score >= m.passPercent();
        learning.insertAttempt(m.id(), memberId, token, score, passed, merit.now());
        String outcome;
        Badge badge = null;
        if (!passed) {
            outcome = "Not yet: " + score + "% of " + m.passPercent() + "% needed. Read the lesson again and retry.";
        } else if (m.practical()) {
            outcome = "Passed. Now show a mentor (a holder of " + m.skill() + " above level " + m.level() + ") for the sign-off.";
        } else if (merit.holdsBeyondRenewal(memberId, m.skill(), m.level())) {
            outcome = "Passed. You already hold " + m.skill() + " level " + m.level() + " or above.";
        } else {
            boolean renewal = merit.levelOf(memberId, m.skill()) >= m.level();
            badge = merit.issue(memberId, m.skill(), m.level(), "module " + m.code() + (renewal ? ", renewed" : ""));
            outcome = renewal ? "Passed: your badge " + m.title() + " is renewed for two more years."
                : "Passed: you earned the badge " + m.title() + " (" + m.skill() + " level " + m.level() + ").";
        }
        String credential = badge == null ? null : merit.credentialsOf(List.of(badge)).get(badge.id());
        return new Attempt(m.code(), score, passed, outcome, passed ? List.of() : wrong, credential,
                passed ? nextModule(memberId).orElse(null) : null);
    }

    /** A mentor who holds the skill above the module's level signs off a learner who passed its assessment. */
    @Transactional
    public void signOff(long mentorId, long learnerId, String code) {
        Module m = module(code);
        if (!m.practical()) {
            throw new ConflictException(m.title() + " needs no sign-off: its badge comes with the assessment.");
        }
        int mentorLevel = merit.levelOf(mentorId, m.skill());
        if (mentorLevel <= m.level()) {
            throw new ConflictException("A sign-off for " + m.skill() + " level " + m.level() + " needs a mentor above that level; you hold "
                    + (mentorLevel == 0 ? "none" : "level " + mentorLevel) + ".");
        }
        requireTrainingRight(learnerId);
        if (!learning.passedModules(learnerId).contains(code)) {
            throw new ConflictException("The learner has not passed the assessment of " + m.title() + " yet.");
        }
        merit.issue(learnerId, m.skill(), m.level(), "module " + code + ", signed off");
        learning.insertMentoring(mentorId, learnerId, m.skill(), m.level(), "module " + code, merit.now());
    }

    /**
     * A trainee practised a skill beside qualified crew on a build: ask for a sign-off of that badge. Nothing is
     * asked when they hold it already or have asked already.
     */
    @Transactional
    public boolean requestWorkSignOff(long learnerId, String skill, int level, List<String> beside, String source) {
        if (merit.levelOf(learnerId, skill) >= level || learning.openWorkRequest(learnerId, skill, level)) {
            return false;
        }
        learning.insertWorkRequest(learnerId, skill, level, String.join(",", beside), source, merit.now());
        return true;
    }

    /** Requests from builds this member may sign: they hold the skill above the level, and it is not their own. */
    public List<WorkSignOff> workSignOffQueue(long mentorId) {
        return openWorkRequests().stream()
            .filter(r -> r.learnerId() != mentorId && merit.levelOf(mentorId, r.skill()) > r.level()).toList();
    }

    /** Open requests with their learners' names (the members feature's). */
    private List<WorkSignOff> openWorkRequests() {
        return learning.openWorkRequests().stream().map(r -> new WorkSignOff(r.id(), r.learnerId(),
                members.get(r.learnerId()).displayName(), r.skill(), r.level(), r.beside(), r.source(), r.requestedAt())).toList();
    }

    /** Signs a build sign-off request: the badge is issued, naming the build it was earned on. */
    @Transactional
    public void signWork(long mentorId, long requestId) {
        WorkSignOff r = openWorkRequests().stream().filter(x -> x.id() == requestId).findFirst()
            .orElseThrow(() -> new NotFoundException("open sign-off request", requestId));
        if (r.learnerId() == mentorId) {
            throw new ConflictException("You cannot sign off your own badge.");
        }
        int mentorLevel = merit.levelOf(mentorId, r.skill());
        if (mentorLevel <= r.level()) {
            throw new ConflictException("A sign-off for " + r.skill() + " level " + r.level() + " needs a mentor above that level; you hold "
                    + (mentorLevel == 0 ? "none" : "level " + mentorLevel) + ".");
        }
        learning.signWorkRequest(requestId, mentorId, merit.now());
        merit.issue(r.learnerId(), r.skill(), r.level(), r.source() + ", signed off");
        learning.insertMentoring(mentorId, r.learnerId(), r.skill(), r.level(), r.source(), merit.now());
    }

    /** The sign-offs a mentor gave in [from, to): teaching, which counts as value the mentor generated. */
    public List<Mentoring> mentoring(long mentorId, Instant from, Instant to) {
        return learning.mentoring(mentorId, from, to);
    }

    /**
     * A member whose membership has lapsed for an unpaid bill has its training paused until it is paid (anyone else
     * learns: newcomers learn before they join).
     */
    private void requireTrainingRight(long memberId) {
        members.currentMembership(memberId).filter(ms -> !ms.rightsHold()).ifPresent(ms -> {
            throw new ConflictException("Your membership is paused for an unpaid bill, and training with it: pay the overdue "
                    + "invoice (your statement: /billing/statement) and you can take assessments again.");
        });
    }

    /** Creates a module, or replaces one with the same code (stewards' authoring); every problem is named by field or line. */
    @Transactional
    public Module saveModule(ModuleDraft d, boolean create) {
        List<FieldProblem> problems = new ArrayList<>();
        if (d.code() == null || !d.code().matches("[a-z0-9][a-z0-9-]{1,59}") || List.of("new", "labels", "sign-offs").contains(d.code())) {
            problems.add(new FieldProblem("code", "use 2-60 lower-case letters, digits and dashes (not new, labels or sign-offs)"));
        }
        if (d.track() == null || learning.tracks().stream().noneMatch(t -> t.code().equals(d.track()))) {
            problems.add(new FieldProblem("track", "choose one of "
                    + learning.tracks().stream().map(Track::code).toList()));
        }
        if (d.title() == null || d.title().isBlank()) {
            problems.add(new FieldProblem("title", "give the module a title"));
        }
        if (d.skill() == null || !d.skill().matches("[a-z0-9][a-z0-9-]{1,59}")) {
            problems.add(new FieldProblem("skill", "the skill is a lower-case code such as welding"));
        }
        if (d.level() == null || d.level() < 1 || d.level() > 5) {
            problems.add(new FieldProblem("level", "a level from 1 to 5"));
        }
        if (d.minutes() == null || d.minutes() < 1 || d.minutes() > 120) {
            problems.add(new FieldProblem("minutes", "modules are learnable in minutes: 1 to 120"));
        }
        int pass = d.passPercent() == null ? 60 : d.passPercent();
        if (pass < 1 || pass > 100) {
            problems.add(new FieldProblem("passPercent", "a pass mark from 1 to 100 %"));
        }
        if (d.lesson() == null || d.lesson().isBlank()) {
            problems.add(new FieldProblem("lesson", "write the lesson (short Markdown)"));
        }
        List<String> prerequisites = d.prerequisites() == null || d.prerequisites().isBlank() ? List.of()
                : List.of(d.prerequisites().replace(" ", "").split(","));
        for (String p : prerequisites) {
            if (learning.module(p).isEmpty() || p.equals(d.code())) {
                problems.add(new FieldProblem("prerequisites", "'" + p + "' is not another module"));
            }
        }
        List<QuestionText.DraftQuestion> questions = QuestionText.parse(d.questions(), problems);
        var existing = d.code() == null ? Optional.<Module>empty() : learning.module(d.code());
        if (create && existing.isPresent()) {
            problems.add(new FieldProblem("code", "a module '" + d.code() + "' exists already"));
        }
        if (!create && existing.isEmpty()) {
            throw new NotFoundException("module", d.code());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id;
        if (create) {
            id = learning.insertModule(d.code(), d.track(), d.title().strip(), d.skill(), d.level(), d.minutes(), d.lesson().strip(), pass,
                    Boolean.TRUE.equals(d.practical()), prerequisites);
        } else {
            id = existing.get().id();
            learning.updateModule(id, d.track(), d.title().strip(), d.skill(), d.level(), d.minutes(), d.lesson().strip(), pass,
                    Boolean.TRUE.equals(d.practical()), prerequisites);
            learning.deleteQuestions(id);
        }
        int seq = 1;
        for (QuestionText.DraftQuestion q : questions) {
            learning.insertQuestion(id, seq++, q.kind(), q.prompt(), q.choices(), q.answer(), q.tolerance());
        }
        return module(d.code());
    }

    /** The authoring text of a module's questions, for its edit form. */
    public String questionsText(String code) {
        return QuestionText.write(questions(code));
    }

    /**
     * How people name a badge: by the module that grants it ("Structural welding"), else by its skill's name, under
     * the key "skill:level". A badge missing here is named by its skill code and level.
     */
    public Map<String, String> badgeTitles() {
        Map<String, String> titles = new HashMap<>();
        for (Skill skill : learning.skills()) {
            for (int level = 1; level <= 5; level++) {
                titles.put(skill.code() + ":" + level, skill.name() + ", level " + level);
            }
        }
        learning.modules().forEach(m -> titles.put(m.skill() + ":" + m.level(), m.title()));
        return titles;
    }

    public List<Skill> skills() {
        return learning.skills();
    }

    /** One learner waiting for a mentor's sign-off. */
    public record SignOff(long learnerId, String learner, Module module) {
    }

    /** Learners this mentor may sign off: they passed a practical module whose skill the mentor holds above its level. */
    public List<SignOff> signOffQueue(long mentorId) {
        List<SignOff> queue = new ArrayList<>();
        for (LearningRepository.PassedPractical passed : learning.passedPractical()) {
            Module m = learning.moduleById(passed.moduleId()).orElseThrow();
            boolean waiting = merit.levelOf(passed.memberId(), m.skill()) < m.level(); // no valid badge at its level yet
            if (waiting && passed.memberId() != mentorId && merit.levelOf(mentorId, m.skill()) > m.level()) {
                queue.add(new SignOff(passed.memberId(), members.get(passed.memberId()).displayName(), m));
            }
        }
        return queue;
    }

    /** Everything gated by a badge (machines, …) and whether this member may do it; what they may do first. */
    public List<Unlock> unlocks(long memberId, List<GatedWork> sources) {
        List<Unlock> out = new ArrayList<>();
        for (GatedWork source : sources) {
            for (GatedWork.Gated work : source.gated()) {
                out.add(new Unlock(work, gate(memberId, work.skill(), work.level())));
            }
        }
        out.sort(Comparator.comparing((Unlock u) -> !u.gate().allowed()).thenComparing(u -> u.work().name()));
        return out;
    }

    /** May this member do work needing {@code skill} at {@code level}? If not, which modules lead there. */
    /**
     * The modules that get someone to a skill at a level: only those that reach it (one granting a lower level would
     * not open the gate), and of those the ones of the lowest level, the shortest way. Their pages name prerequisites.
     */
    public List<Module> modulesReaching(String skill, int level) {
        List<Module> reaching = learning.modules().stream().filter(m -> m.skill().equals(skill) && m.level() >= level).toList();
        int lowest = reaching.stream().mapToInt(Module::level).min().orElse(0);
        return reaching.stream().filter(m -> m.level() == lowest).toList();
    }

    public Gate gate(long memberId, String skill, int level) {
        int held = merit.levelOf(memberId, skill);
        List<Module> qualifying = held >= level ? List.of() : modulesReaching(skill, level);
        return new Gate(skill, level, held >= level, held, qualifying);
    }
}
