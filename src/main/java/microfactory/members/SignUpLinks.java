package microfactory.members;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import microfactory.common.ChapterSettings;
import microfactory.common.FieldProblem;
import microfactory.common.InvalidInputException;
import microfactory.common.RecentAttempts;
import microfactory.mail.Mailer;

/**
 * Joining by e-mailed link ({@link microfactory.common.SignUpMode#EMAIL_LINK}): the form takes only an address and
 * answers the same for anyone, and what it sends depends on the address — a link that finishes joining (name,
 * password) for a new one, a note that they already have an account for a member. The password is chosen only by
 * whoever opens the link, so nobody can prepare an account in someone else's name.
 */
@Service
public class SignUpLinks {

    static final Duration VALID = Duration.ofHours(24);
    /** Mails to one address an hour: asking again and again floods nobody's inbox. */
    static final int MAILS_PER_ADDRESS = 3;
    private static final String BAD_LINK = MemberMail.BAD_LINK;

    private final MemberRepository members;
    private final MemberService service;
    private final MemberMail mail;
    private final Mailer mailer;
    private final PlanService plans;
    private final ChapterSettings chapter;
    private final Validator validator;
    private final Clock clock;
    private final RecentAttempts mailsTo = new RecentAttempts(Duration.ofHours(1), MAILS_PER_ADDRESS);

    SignUpLinks(MemberRepository members, MemberService service, MemberMail mail, Mailer mailer, PlanService plans,
                ChapterSettings chapter, Validator validator, Clock clock) {
        this.members = members;
        this.service = service;
        this.mail = mail;
        this.mailer = mailer;
        this.plans = plans;
        this.chapter = chapter;
        this.validator = validator;
        this.clock = clock;
    }

    /** The address and plan a link was sent for. */
    public record Pending(String email, String planCode) {
    }

    /**
     * Mails the link that finishes joining, or tells the address's member they have an account. Refuses only what is
     * wrong with the form itself (an address that is not one, a plan not on offer), never anything about who exists.
     */
    @Transactional
    public void request(String rawEmail, String rawPlanCode) {
        String email = MemberService.normalise(rawEmail);
        String planCode = rawPlanCode == null || rawPlanCode.isBlank() ? null : rawPlanCode.strip();
        List<FieldProblem> problems = new ArrayList<>();
        for (ConstraintViolation<SignUp> v : validator.validateProperty(new SignUp(email, null, null, null, null), "email")) {
            problems.add(new FieldProblem("email", v.getMessage()));
        }
        if (planCode != null && plans.offered().stream().noneMatch(p -> p.code().equals(planCode))) {
            problems.add(new FieldProblem("planCode", "choose one of the plans on offer"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        if (mailsTo.within(email, now).size() >= MAILS_PER_ADDRESS) {
            return; // the answer stays the same: saying "too many" would tell that someone asked before
        }
        mailsTo.add(email, now);
        if (members.emailTaken(email)) {
            mail.tellOwnerOfSignUpAttempt(email);
            return;
        }
        String token = SecretTokens.newToken();
        members.insertSignUpLink(SecretTokens.sha256Hex(token), email, planCode, now, now.plus(VALID));
        mailer.send(email, "Finish joining " + chapter.chapterName(), "Hello,\n\n"
                + "someone (we hope you) asked to join " + chapter.chapterName() + " with this address. To finish, choose "
                + "your name and password here (the link works once, within 24 hours):\n\n"
                + chapter.publicUrl() + "/signup/finish?token=" + token + "\n\n"
                + "If it was not you, ignore this mail: no account is made unless the link is opened.\n");
    }

    /** What a good link was sent for; refused when it is expired, spent or unknown. */
    public Pending pending(String token) {
        MemberRepository.StoredSignUpLink link = find(token);
        return new Pending(link.email(), link.planCode());
    }

    /** Opens the account the link was sent for, its address confirmed by the link, and spends the link. */
    @Transactional
    public Member finish(String token, String displayName, String password, String planCode) {
        MemberRepository.StoredSignUpLink link = find(token);
        Member m = service.signUpConfirmed(new SignUp(link.email(), displayName, password, planCode, null));
        if (!members.spendSignUpLink(link.id(), clock.instant())) {
            throw InvalidInputException.of("token", BAD_LINK); // another request used it first: roll this one back
        }
        return m;
    }

    private MemberRepository.StoredSignUpLink find(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            throw InvalidInputException.of("token", BAD_LINK);
        }
        return members.signUpLink(SecretTokens.sha256Hex(token.strip()))
                .filter(l -> l.usedAt() == null && clock.instant().isBefore(l.expiresAt()))
                .orElseThrow(() -> InvalidInputException.of("token", BAD_LINK));
    }

    /** For tests that share one application. */
    void forgetAll() {
        mailsTo.forgetAll();
    }
}
