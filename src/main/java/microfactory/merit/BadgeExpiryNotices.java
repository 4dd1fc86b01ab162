package microfactory.merit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import microfactory.common.ChapterSettings;
import microfactory.members.MemberMail;
import microfactory.members.Notice;

/**
 * Tells holders, once, that a badge expires within 30 days — unless they already hold the skill at that level or
 * higher for longer (renewed). Checked every few hours; passing the module again renews the badge.
 */
@Component
class BadgeExpiryNotices {

    static final Duration WARNING = Duration.ofDays(30);

    private final BadgeRepository badges;
    private final MemberMail mail;
    private final ChapterSettings chapter;
    private final Clock clock;

    BadgeExpiryNotices(BadgeRepository badges, MemberMail mail, ChapterSettings chapter, Clock clock) {
        this.badges = badges;
        this.mail = mail;
        this.chapter = chapter;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${microfactory.merit.expiry-check:6h}", initialDelayString = "${microfactory.merit.expiry-check-delay:2m}")
    @Transactional
    void scheduled() {
        tell();
    }

    /** Sends the notices due now; returns how many badges were noticed. */
    @Transactional
    int tell() {
        Instant now = clock.instant();
        List<Badge> expiring = badges.expiringUnnoticed(now, now.plus(WARNING));
        ZoneId zone = chapter.zone();
        for (Badge b : expiring) {
            boolean renewed = badges.ofMember(b.memberId()).stream().anyMatch(o -> o.id() != b.id() && o.skill().equals(b.skill())
                    && o.level() >= b.level() && o.validAt(now) && o.expiresAt().isAfter(b.expiresAt()));
            if (!renewed) {
                mail.notify(b.memberId(), Notice.BADGE, "Your " + b.skill() + " badge expires soon",
                        "Your badge " + b.skill() + " level " + b.level() + " expires on "
                                + DateTimeFormatter.ISO_LOCAL_DATE.format(b.expiresAt().atZone(zone))
                                + ". Pass its module again to renew it: " + chapter.publicUrl() + "/learn");
            }
            badges.noticed(b.id(), now);
        }
        return expiring.size();
    }
}
