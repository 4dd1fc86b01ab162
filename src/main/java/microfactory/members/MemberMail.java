package microfactory.members;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import microfactory.common.ChapterSettings;
import microfactory.common.InvalidInputException;
import microfactory.mail.Mailer;

/**
 * What members get by e-mail: the link that confirms their address, the single-use link that resets a forgotten
 * password (valid one hour), and the notices they chose. Only a SHA-256 of each link's token is stored, so a database
 * dump gives no working link.
 */
@Service
public class MemberMail {

    static final String BAD_LINK = "this link is expired, already used or not valid; ask for a new one";

    private final MemberRepository members;
    private final Mailer mailer;
    private final PasswordEncoder passwords;
    private final ChapterSettings chapter;
    private final Clock clock;

    MemberMail(MemberRepository members, Mailer mailer, PasswordEncoder passwords, ChapterSettings chapter, Clock clock) {
        this.members = members;
        this.mailer = mailer;
        this.passwords = passwords;
        this.chapter = chapter;
        this.clock = clock;
    }

    /** Sends a new link that confirms the member's address. */
    @Transactional
    public void sendConfirmation(Member m) {
        String token = issue(m.id(), TokenPurpose.CONFIRM_EMAIL);
        mailer.send(m.email(), "Confirm your e-mail address", "Hello " + m.displayName() + ",\n\n"
                + "please confirm that this is your address by opening this link (valid for 7 days):\n\n"
                + chapter.publicUrl() + "/confirm-email?token=" + token + "\n\n"
                + "If you did not join " + chapter.chapterName() + ", ignore this mail.\n");
    }

    /** Confirms the address the token was sent to. */
    @Transactional
    public Member confirmEmail(String token) {
        MemberRepository.StoredToken t = spend(token, TokenPurpose.CONFIRM_EMAIL);
        members.confirmEmail(t.memberId(), clock.instant());
        return members.findById(t.memberId()).orElseThrow();
    }

    /**
     * Mails a reset link when an active account has this address; says nothing either way, so the answer does not
     * tell who is a member.
     */
    @Transactional
    public void requestPasswordReset(String email) {
        Optional<Member> found = members.findByEmail(MemberService.normalise(email)).filter(Member::active);
        found.ifPresent(m -> {
            String token = issue(m.id(), TokenPurpose.RESET_PASSWORD);
            mailer.send(m.email(), "Reset your password", "Hello " + m.displayName() + ",\n\n"
                    + "someone (we hope you) asked to reset your password. Choose a new one here; the link works once, "
                    + "within an hour:\n\n" + chapter.publicUrl() + "/password-reset/confirm?token=" + token + "\n\n"
                    + "If it was not you, ignore this mail: your password stays as it is.\n");
        });
    }

    /** Tells an account's owner that somebody tried to open another account with their address. */
    public void tellOwnerOfSignUpAttempt(String email) {
        members.findByEmail(MemberService.normalise(email)).filter(Member::active).ifPresent(m ->
                mailer.send(m.email(), "Someone tried to sign up with your address", "Hello " + m.displayName() + ",\n\n"
                        + "someone tried to open a new account at " + chapter.chapterName() + " with this address, which already "
                        + "has one. If it was you, log in at " + chapter.publicUrl() + "/login or choose a new password at "
                        + chapter.publicUrl() + "/password-reset.\n\nIf it was not you, you need do nothing: "
                        + "no account was made and yours is unchanged.\n"));
    }

    /** Sets a new password with a reset link's token; the link is spent, and so are the member's other reset links. */
    @Transactional
    public Member resetPassword(String token, String password) {
        MemberRepository.StoredToken t = find(token, TokenPurpose.RESET_PASSWORD);
        Member m = members.findById(t.memberId()).orElseThrow();
        if (!m.active()) {
            throw InvalidInputException.of("token", BAD_LINK);
        }
        MemberService.passwordWeakness(password, m.email(), m.displayName())
                .ifPresent(why -> { throw InvalidInputException.of("password", why); });
        spend(token, TokenPurpose.RESET_PASSWORD);
        members.setPasswordHash(m.id(), passwords.encode(password));
        members.spendTokens(m.id(), TokenPurpose.RESET_PASSWORD, clock.instant());
        return m;
    }

    /**
     * Tells a member about their own money (a pledge taken or released): not a notice they can switch off, so it goes
     * whatever their choices, to an active account.
     */
    @Transactional
    public boolean tell(long memberId, String subject, String body) {
        Optional<Member> m = members.findById(memberId).filter(Member::active);
        m.ifPresent(member -> mailer.send(member.email(), subject, "Hello " + member.displayName() + ",\n\n" + body + "\n"));
        return m.isPresent();
    }

    /** Tells a member something by e-mail, if they are active and have not switched that kind of notice off. */
    @Transactional
    public boolean notify(long memberId, Notice notice, String subject, String body) {
        Optional<Member> m = members.findById(memberId).filter(Member::active);
        if (m.isEmpty() || !members.notifications(memberId).wants(notice)) {
            return false;
        }
        mailer.send(m.get().email(), subject, "Hello " + m.get().displayName() + ",\n\n" + body + "\n\n"
                + "You can switch these notices off in your profile: " + chapter.publicUrl() + "/profile\n");
        return true;
    }

    public NotificationChoices notifications(long memberId) {
        return members.notifications(memberId);
    }

    @Transactional
    public NotificationChoices setNotifications(long memberId, NotificationChoices choices) {
        if (choices == null || choices.seats() == null || choices.runs() == null || choices.badges() == null) {
            throw InvalidInputException.of("notifications", "say true or false for each of seats, runs and badges");
        }
        members.setNotifications(memberId, choices);
        return members.notifications(memberId);
    }

    private String issue(long memberId, TokenPurpose purpose) {
        String token = SecretTokens.newToken();
        Instant now = clock.instant();
        members.insertToken(SecretTokens.sha256Hex(token), memberId, purpose, now, now.plus(purpose.validFor));
        return token;
    }

    private MemberRepository.StoredToken find(String token, TokenPurpose purpose) {
        if (token == null || token.isBlank() || token.length() > 200) {
            throw InvalidInputException.of("token", BAD_LINK);
        }
        return members.token(SecretTokens.sha256Hex(token.strip()))
                .filter(t -> t.purpose() == purpose && t.usedAt() == null && clock.instant().isBefore(t.expiresAt()))
                .orElseThrow(() -> InvalidInputException.of("token", BAD_LINK));
    }

    private MemberRepository.StoredToken spend(String token, TokenPurpose purpose) {
        MemberRepository.StoredToken t = find(token, purpose);
        if (!members.spendToken(t.id(), clock.instant())) {
            throw InvalidInputException.of("token", BAD_LINK);
        }
        return t;
    }
}
