package microfactory.production;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

import microfactory.common.ChapterSettings;
import microfactory.members.MemberMail;
import microfactory.members.Notice;

/**
 * Tells members by e-mail what changed for them in a build: a seat confirmed (or a move up from its waitlist), a
 * build rescheduled or cancelled. Each member chooses which of these they want (their profile).
 */
@Component
class RunNotices {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm");

    private final MemberMail mail;
    private final ProductionRepository runs;
    private final Signups signups;
    private final ChapterSettings chapter;

    RunNotices(Signups signups, MemberMail mail, ProductionRepository runs, ChapterSettings chapter) {
        this.signups = signups;
        this.mail = mail;
        this.runs = runs;
        this.chapter = chapter;
    }

    void seatConfirmed(Run run, Signup signup, boolean fromWaitlist) {
        String seat = signup.role().seat();
        mail.notify(signup.memberId(), Notice.SEAT, (fromWaitlist ? "You moved up: " : "Your seat: ") + title(run),
                (fromWaitlist ? "A place came free, and you have " : "You have ") + seat + " in the build of " + title(run)
                        + ". It starts " + start(run) + " (" + chapter.zone().getId() + ").\n\n" + link(run));
    }

    void rescheduled(Run run, String what) {
        tellEveryone(run, "Rescheduled: " + title(run), "The build of " + title(run) + " changed: " + what + ".\n\n"
                + "Your tasks and times are on its page: " + link(run));
    }

    void cancelled(Run run, String reason) {
        tellEveryone(run, "Cancelled: " + title(run), "The build of " + title(run) + " that was to start " + start(run)
                + " is cancelled: " + reason + ".\nAny fee held for it is released.\n\n" + link(run));
    }

    private void tellEveryone(Run run, String subject, String body) {
        signups.of(run.id()).stream().filter(s -> s.status() != SignupStatus.WITHDRAWN)
                .forEach(s -> mail.notify(s.memberId(), Notice.RUN, subject, body));
    }

    private static String title(Run run) {
        return run.quantity() + " × " + run.designSlug() + " (build #" + run.id() + ")";
    }

    private String start(Run run) {
        return WHEN.format(LocalDateTime.ofInstant(run.starts(chapter.zone()), chapter.zone()));
    }

    private String link(Run run) {
        return chapter.publicUrl() + "/production/runs/" + run.id();
    }
}
