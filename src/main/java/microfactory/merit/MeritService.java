package microfactory.merit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import microfactory.common.ConflictException;
import microfactory.common.InvalidInputException;
import microfactory.common.NotFoundException;
import microfactory.ledger.LedgerService;
import microfactory.members.Member;
import microfactory.members.MemberService;

/**
 * "You learn something, you have merit to do it." Issues and revokes badges; each issue and revocation
 * is a public ledger event naming the member by pseudonym only.
 */
@Service
public class MeritService {

    /** Badges are valid for two years, then renewed by taking the module again. */
    public static final Duration VALIDITY = Duration.ofDays(730);

    private final BadgeRepository badges;
    private final MemberService members;
    private final LedgerService ledger;
    private final Clock clock;
    private final BadgeCredentials credentials;

    MeritService(BadgeRepository badges, MemberService members, LedgerService ledger, Clock clock, BadgeCredentials credentials) {
        this.badges = badges;
        this.credentials = credentials;
        this.members = members;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Transactional
    public Badge issue(long memberId, String skill, int level, String source) {
        if (skill == null || !skill.matches("[a-z0-9][a-z0-9-]{1,59}") || level < 1 || level > 5) {
            throw InvalidInputException.of("badge", "a badge is a skill (lower-case code) at level 1 to 5");
        }
        Member m = members.get(memberId);
        Instant now = clock.instant();
        Instant expires = now.plus(VALIDITY);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("member", m.publicId());
        event.put("skill", skill);
        event.put("level", level);
        event.put("expires", expires.toString());
        event.put("source", source);
        long index = ledger.record("badge.issued", event);
        long id = badges.insert(memberId, skill, level, now, expires, source, index);
        Badge badge = badges.find(id).orElseThrow();
        credentials.issue(badge, m.publicId());
        return badge;
    }

    @Transactional
    public Badge revoke(long badgeId, String reason) {
        Badge b = badges.find(badgeId).orElseThrow(() -> new NotFoundException("badge", badgeId));
        if (b.revokedAt() != null) {
            throw new ConflictException("This badge was revoked already, on " + b.revokedAt() + ".");
        }
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "say why the badge is revoked; the reason is public");
        }
        ledger.record("badge.revoked", Map.of("badge", b.ledgerIndex(), "member", members.get(b.memberId()).publicId(),
                "skill", b.skill(), "level", b.level(), "reason", reason.strip()));
        badges.revoke(badgeId, clock.instant(), reason.strip());
        return badges.find(badgeId).orElseThrow();
    }

    public List<Badge> badgesOf(long memberId) {
        return badges.ofMember(memberId);
    }

    /** In its last 90 days a badge may be renewed: passing its module again issues a fresh one. */
    public static final Duration RENEWAL_WINDOW = Duration.ofDays(90);

    /** Whether the member holds skill ≥ level now with a badge valid beyond the renewal window (nothing to renew). */
    public boolean holdsBeyondRenewal(long memberId, String skill, int level) {
        Instant horizon = clock.instant().plus(RENEWAL_WINDOW);
        return badges.ofMember(memberId).stream()
            .anyMatch(b -> b.skill().equals(skill) && b.level() >= level && b.revokedAt() == null && b.expiresAt().isAfter(horizon));
    }

    /** The highest level of a skill the member holds now (0: none). */
    public int levelOf(long memberId, String skill) {
        Instant now = clock.instant();
        return badges.ofMember(memberId).stream().filter(b -> b.skill().equals(skill) && b.validAt(now))
                .mapToInt(Badge::level).max().orElse(0);
    }

    public List<Badge> recent(int limit) {
        return badges.recent(limit);
    }

    /** Recently issued badges with their holders' pseudonyms: public. */
    public List<IssuedBadge> issued(int limit) {
        return issued(badges.recent(limit));
    }

    /** A holder's badges by pseudonym: public, as the credentials name holders this way. */
    public List<IssuedBadge> issuedTo(String holder) {
        return members.findByPublicId(holder).map(m -> issued(badges.ofMember(m.id())))
            .orElseThrow(() -> new NotFoundException("holder", holder));
    }

    private List<IssuedBadge> issued(List<Badge> list) {
        Map<Long, String> ids = credentialsOf(list);
        Map<Long, String> holders = new HashMap<>();
        return list.stream().map(b -> {
            String credential = ids.get(b.id());
            String holder = holders.computeIfAbsent(b.memberId(), id -> members.get(id).publicId());
            return new IssuedBadge(credential, credential == null ? null : credentials.url(credential), b.id(), holder, b.skill(),
                    b.level(), b.issuedAt(), b.expiresAt(), b.revokedAt() != null, b.ledgerIndex());
        }).toList();
    }

    /** Each badge's credential id, where it has one. */
    public Map<Long, String> credentialsOf(List<Badge> list) {
        return credentials.credentialsOf(list.stream().map(Badge::id).toList());
    }

    public Badge badge(long id) {
        return badges.find(id).orElseThrow(() -> new NotFoundException("badge", id));
    }

    public String holderOf(Badge badge) {
        return members.get(badge.memberId()).publicId();
    }

    public Instant now() {
        return clock.instant();
    }
}
