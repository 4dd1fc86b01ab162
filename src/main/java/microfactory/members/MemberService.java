package microfactory.members;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import microfactory.audit.AuditAction;
import microfactory.audit.AuditLog;
import microfactory.common.ChapterSettings;
import microfactory.common.ConflictException;
import microfactory.common.FieldProblem;
import microfactory.common.ForbiddenException;
import microfactory.common.InvalidInputException;
import microfactory.common.NotFoundException;
import microfactory.ledger.LedgerService;

/** People, their accounts, roles and memberships: the only way in to the member tables. */
@Service
public class MemberService {

    /** What sign-up says when the address has an account (its owner is told by mail: {@link SignUpProbes}). */
    static final String EMAIL_TAKEN = "an account with this email exists already: log in, or reset your password";

    public static final int PAGE_SIZE = 50;
    private static final String PSEUDONYM_ALPHABET = "abcdefghjkmnpqrstvwxyz0123456789";

    private final MemberRepository members;
    private final PlanService plans;
    private final PasswordEncoder passwords;
    private final Validator validator;
    private final Clock clock;
    private final AuditLog audit;
    private final MemberMail mail;
    private final LedgerService ledger;
    private final ChapterSettings chapter;
    private final SecureRandom random = new SecureRandom();

    MemberService(MemberRepository members, PlanService plans, PasswordEncoder passwords, Validator validator,
                  Clock clock, AuditLog audit, MemberMail mail, LedgerService ledger, ChapterSettings chapter) {
        this.ledger = ledger;
        this.chapter = chapter;
        this.audit = audit;
        this.mail = mail;
        this.members = members;
        this.plans = plans;
        this.passwords = passwords;
        this.validator = validator;
        this.clock = clock;
    }

    /** Self-service sign-up: always a plain member; a link to confirm the address goes out by mail. */
    @Transactional
    public Member signUp(SignUp request) {
        Member m = create(request, Role.MEMBER);
        mail.sendConfirmation(m);
        return m;
    }

    /** Sign-up finished through a mailed link ({@link SignUpLinks}): the link proved the address, so it is confirmed. */
    @Transactional
    Member signUpConfirmed(SignUp request) {
        Member m = create(request, Role.MEMBER);
        members.confirmEmail(m.id(), clock.instant());
        return get(m.id());
    }

    /** The chapter adds someone (its founding admin), with the role the request names (member when none). */
    @Transactional
    public Member add(SignUp request) {
        return create(request, request.role() == null ? Role.MEMBER : request.role());
    }

    /** A steward or admin adds someone; only an admin may make a steward or an admin. */
    @Transactional
    public Member add(SignUp request, long actingMemberId) {
        Role role = request.role() == null ? Role.MEMBER : request.role();
        if (role != Role.MEMBER) {
            requireAdmin(actingMemberId, "Only an admin creates steward or admin accounts.");
        }
        return create(request, role);
    }

    private void requireAdmin(long actingMemberId, String why) {
        if (get(actingMemberId).role() != Role.ADMIN) {
            throw new ForbiddenException(why);
        }
    }

    /** Nobody removes the chapter's last active admin: someone must be able to administer it. */
    private void keepAnAdmin(Member target) {
        if (target.role() == Role.ADMIN && target.active() && members.countActiveAdmins() <= 1) {
            throw new ConflictException(target.displayName() + " is the chapter's last admin; make another member admin first.");
        }
    }

    private Member create(SignUp raw, Role role) {
        SignUp request = normalised(raw);
        List<FieldProblem> problems = problemsWith(request);
        Optional<Plan> plan = Optional.empty();
        if (request.planCode() != null && !request.planCode().isBlank()) {
            plan = plans.offered().stream().filter(p -> p.code().equals(request.planCode())).findFirst();
            if (plan.isEmpty()) {
                problems.add(new FieldProblem("planCode", "choose one of the plans on offer"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = insert(request.email(), request.displayName().strip(), passwords.encode(request.password()), role);
        plan.ifPresent(p -> startMembership(id, p, today()));
        return get(id);
    }

    /** What is wrong with a new account (fields email, displayName, password), before anything is stored. */
    public List<FieldProblem> problemsWith(SignUp raw) {
        SignUp request = normalised(raw);
        List<FieldProblem> problems = new ArrayList<>();
        for (ConstraintViolation<SignUp> v : validator.validate(request)) {
            problems.add(new FieldProblem(v.getPropertyPath().toString(), v.getMessage()));
        }
        if (problems.stream().noneMatch(p -> p.field().equals("email")) && members.emailTaken(request.email())) {
            problems.add(new FieldProblem("email", EMAIL_TAKEN));
        }
        if (problems.stream().noneMatch(p -> p.field().equals("password"))) {
            passwordWeakness(request.password(), request.email(), request.displayName())
                    .ifPresent(why -> problems.add(new FieldProblem("password", why)));
        }
        return problems;
    }

    /** Why a password is refused (too short, too common, the person's own name…), or empty when it is acceptable. */
    public static Optional<String> passwordWeakness(String password, String email, String displayName) {
        return PasswordPolicy.weakness(password, email, displayName);
    }

    private static SignUp normalised(SignUp raw) {
        return new SignUp(normalise(raw.email()), raw.displayName(), raw.password(), raw.planCode(), raw.role());
    }

    /** Inserts the account; a concurrent sign-up with the same email loses cleanly. */
    long insert(String email, String displayName, String passwordHash, Role role) {
        try {
            return members.insert(newPseudonym(), email, displayName, passwordHash, role, clock.instant());
        } catch (DuplicateKeyException e) {
            throw InvalidInputException.of("email", EMAIL_TAKEN);
        }
    }

    /** Flat-dues memberships run a year (then renew); value-share ones are open-ended. */
    void startMembership(long memberId, Plan plan, LocalDate startsOn) {
        LocalDate endsOn = plan.kind() == PlanKind.FLAT_DUES ? startsOn.plusYears(1).minusDays(1) : null;
        members.insertMembership(memberId, plan.id(), startsOn, endsOn);
        recordMembership(memberId, plan, startsOn, endsOn);
    }

    /**
     * A membership is public (by pseudonym): what the member owes the chapter (dues or a share of value) follows from it,
     * so it is on the ledger, where the member finds it among their events.
     */
    private void recordMembership(long memberId, Plan plan, LocalDate startsOn, LocalDate endsOn) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("member", get(memberId).publicId());
        event.put("plan", plan.code());
        event.put("terms", plan.terms());
        event.put("starts", startsOn.toString());
        event.put("ends", endsOn == null ? null : endsOn.toString());
        ledger.record("membership.started", event);
    }

    public Member get(long id) {
        return members.findById(id).orElseThrow(() -> new NotFoundException("member", id));
    }

    /** By pseudonym: how public records name members. */
    /** Several members at once, by id (one query): how other features name the people in their records. */
    public Map<Long, Member> byIds(Collection<Long> ids) {
        Map<Long, Member> found = new HashMap<>();
        members.findByIds(ids).forEach(m -> found.put(m.id(), m));
        return found;
    }

    public Optional<Member> findById(long id) {
        return members.findById(id);
    }

    public Optional<Member> findByPublicId(String publicId) {
        return members.findByPublicId(publicId);
    }

    public Optional<Member> findByEmail(String email) {
        return members.findByEmail(normalise(email));
    }

    public List<MemberSummary> search(String text, Boolean active, int page) {
        return members.search(text, active, today(), PAGE_SIZE, Math.max(0, page) * PAGE_SIZE);
    }

    @Transactional
    public Member deactivate(long id, long actingMemberId) {
        if (id == actingMemberId) {
            throw new ConflictException("You cannot deactivate your own account; ask another steward.");
        }
        Member before = get(id);
        if (before.role() != Role.MEMBER) {
            requireAdmin(actingMemberId, "Only an admin deactivates a steward or an admin.");
        }
        keepAnAdmin(before);
        members.setActive(id, false, clock.instant());
        Member after = get(id);
        audit.record(AuditAction.MEMBER_DEACTIVATED, subject(after), before, after);
        return after;
    }

    @Transactional
    public Member reactivate(long id) {
        Member before = get(id);
        members.setActive(id, true, clock.instant());
        Member after = get(id);
        audit.record(AuditAction.MEMBER_REACTIVATED, subject(after), before, after);
        return after;
    }

    @Transactional
    public Member changeRole(long id, Role role, long actingMemberId) {
        if (role == null) {
            throw InvalidInputException.of("role", "choose one of " + Arrays.toString(Role.values()));
        }
        if (id == actingMemberId) {
            throw new ConflictException("You cannot change your own role; ask another admin.");
        }
        requireAdmin(actingMemberId, "Only an admin changes roles.");
        Member before = get(id);
        if (role != Role.ADMIN) {
            keepAnAdmin(before);
        }
        members.setRole(id, role);
        Member after = get(id);
        audit.record(AuditAction.MEMBER_ROLE_CHANGED, subject(after), before.role(), after.role());
        return after;
    }

    /** How the audit log names a member: their pseudonym and email (the log is for admins only). */
    private static String subject(Member m) {
        return m.publicId() + " <" + m.email() + ">";
    }

    @Transactional
    public Member rename(long id, String displayName) {
        if (displayName == null || displayName.isBlank()) {
            throw InvalidInputException.of("displayName", "enter the name other members will see");
        }
        if (displayName.strip().length() > 120) {
            throw InvalidInputException.of("displayName", "use at most 120 characters");
        }
        get(id);
        members.setDisplayName(id, displayName.strip());
        return get(id);
    }

    /**
     * Puts a member on a plan from a date. An open or later-ending membership that overlaps is
     * refused rather than silently cut, so the history stays as it was agreed.
     */
    @Transactional
    public Membership join(long memberId, String planCode, LocalDate startsOn, LocalDate endsOn) {
        get(memberId);
        Plan plan = plans.get(planCode);
        LocalDate start = startsOn == null ? today() : startsOn;
        if (endsOn != null && endsOn.isBefore(start)) {
            throw InvalidInputException.of("endsOn", "must be on or after the start date " + start);
        }
        LocalDate end = endsOn != null ? endsOn
                : plan.kind() == PlanKind.FLAT_DUES ? start.plusYears(1).minusDays(1) : null;
        for (Membership existing : members.memberships(memberId)) {
            boolean overlaps = (existing.endsOn() == null || !existing.endsOn().isBefore(start))
                    && (end == null || !end.isBefore(existing.startsOn()));
            if (overlaps) {
                throw new ConflictException("The member is already on '" + existing.planName() + "' from "
                        + existing.startsOn() + (existing.endsOn() == null ? " (open-ended)" : " to " + existing.endsOn())
                        + "; start the new plan after that.");
            }
        }
        long id = members.insertMembership(memberId, plan.id(), start, end);
        recordMembership(memberId, plan, start, end);
        return members.memberships(memberId).stream().filter(m -> m.id() == id).findFirst().orElseThrow();
    }

    public List<Membership> memberships(long memberId) {
        get(memberId);
        return members.memberships(memberId);
    }

    /** Every membership that started on or before {@code day}: what billing issues statements for. */
    public List<Membership> membershipsStartedBy(LocalDate day) {
        return members.membershipsStartedBy(day);
    }

    /**
     * A membership lapses (its rights stop) or is restored (null), recorded on the public ledger by pseudonym; nothing
     * when it is so already.
     */
    @Transactional
    public void setLapsed(long membershipId, long memberId, LocalDate lapsedOn) {
        Membership m = memberships(memberId).stream().filter(x -> x.id() == membershipId).findFirst()
                .orElseThrow(() -> new NotFoundException("membership", membershipId));
        if ((m.lapsedOn() == null) == (lapsedOn == null)) {
            return;
        }
        members.setLapsed(membershipId, lapsedOn);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("member", get(memberId).publicId());
        event.put("plan", m.planCode());
        event.put("starts", m.startsOn().toString());
        ledger.record(lapsedOn == null ? "membership.restored" : "membership.lapsed", event);
    }

    public Optional<Membership> currentMembership(long memberId) {
        LocalDate today = today();
        return members.memberships(memberId).stream().filter(m -> m.coversDay(today)).findFirst();
    }

    public long activeMemberCount() {
        return members.countActive();
    }

    public List<PlanCount> activeMembersPerPlan() {
        return members.activeMembersPerPlan(today());
    }

    Optional<String> passwordHash(String email) {
        return members.passwordHash(normalise(email));
    }

    /** The chapter's day, not the server's: memberships start and end on the days bills and statements count. */
    LocalDate today() {
        return chapter.today(clock);
    }

    private String newPseudonym() {
        StringBuilder id = new StringBuilder("m-");
        for (int i = 0; i < 10; i++) {
            id.append(PSEUDONYM_ALPHABET.charAt(random.nextInt(PSEUDONYM_ALPHABET.length())));
        }
        return id.toString();
    }

    static String normalise(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
