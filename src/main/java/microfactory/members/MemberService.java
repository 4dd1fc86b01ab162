package microfactory.members;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import microfactory.common.ConflictException;
import microfactory.common.FieldProblem;
import microfactory.common.InvalidInputException;
import microfactory.common.NotFoundException;

/** People, their accounts, roles and memberships: the only way in to the member tables. */
@Service
public class MemberService {

    public static final int PAGE_SIZE = 50;
    private static final String PSEUDONYM_ALPHABET = "abcdefghjkmnpqrstvwxyz0123456789";

    private final MemberRepository members;
    private final PlanService plans;
    private final PasswordEncoder passwords;
    private final Validator validator;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    MemberService(MemberRepository members, PlanService plans, PasswordEncoder passwords, Validator validator,
                  Clock clock) {
        this.members = members;
        this.plans = plans;
        this.passwords = passwords;
        this.validator = validator;
        this.clock = clock;
    }

    /** Self-service sign-up: always a plain member. */
    @Transactional
    public Member signUp(SignUp request) {
        return create(request, Role.MEMBER);
    }

    /** A steward adds someone, with the role the request names (member when none). */
    @Transactional
    public Member add(SignUp request) {
        return create(request, request.role() == null ? Role.MEMBER : request.role());
    }

    private Member create(SignUp raw, Role role) {
        String email = normalise(raw.email());
        SignUp request = new SignUp(email, raw.displayName(), raw.password(), raw.planCode(), raw.role());
        List<FieldProblem> problems = new ArrayList<>();
        for (ConstraintViolation<SignUp> v : validator.validate(request)) {
            problems.add(new FieldProblem(v.getPropertyPath().toString(), v.getMessage()));
        }
        if (problems.stream().noneMatch(p -> p.field().equals("email")) && members.emailTaken(email)) {
            problems.add(new FieldProblem("email", "an account with this email exists already; log in instead"));
        }
        if (problems.stream().noneMatch(p -> p.field().equals("password"))) {
            PasswordPolicy.weakness(request.password(), email, request.displayName())
                    .ifPresent(why -> problems.add(new FieldProblem("password", why)));
        }
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
        long id = insert(email, request.displayName().strip(), passwords.encode(request.password()), role);
        plan.ifPresent(p -> startMembership(id, p, today()));
        return get(id);
    }

    /** Inserts the account; a concurrent sign-up with the same email loses cleanly. */
    long insert(String email, String displayName, String passwordHash, Role role) {
        try {
            return members.insert(newPseudonym(), email, displayName, passwordHash, role, clock.instant());
        } catch (DuplicateKeyException e) {
            throw InvalidInputException.of("email", "an account with this email exists already; log in instead");
        }
    }

    /** Flat-dues memberships run a year (then renew); value-share ones are open-ended. */
    void startMembership(long memberId, Plan plan, LocalDate startsOn) {
        LocalDate endsOn = plan.kind() == PlanKind.FLAT_DUES ? startsOn.plusYears(1).minusDays(1) : null;
        members.insertMembership(memberId, plan.id(), startsOn, endsOn);
    }

    public Member get(long id) {
        return members.findById(id).orElseThrow(() -> new NotFoundException("member", id));
    }

    /** By pseudonym: how public records name members. */
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
        get(id);
        members.setActive(id, false, clock.instant());
        return get(id);
    }

    @Transactional
    public Member reactivate(long id) {
        get(id);
        members.setActive(id, true, clock.instant());
        return get(id);
    }

    @Transactional
    public Member changeRole(long id, Role role, long actingMemberId) {
        if (role == null) {
            throw InvalidInputException.of("role", "choose one of " + java.util.Arrays.toString(Role.values()));
        }
        if (id == actingMemberId) {
            throw new ConflictException("You cannot change your own role; ask another admin.");
        }
        get(id);
        members.setRole(id, role);
        return get(id);
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
        return members.memberships(memberId).stream().filter(m -> m.id() == id).findFirst().orElseThrow();
    }

    public List<Membership> memberships(long memberId) {
        get(memberId);
        return members.memberships(memberId);
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

    LocalDate today() {
        return LocalDate.now(clock);
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
