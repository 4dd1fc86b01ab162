package microfactory.production;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import microfactory.common.ChapterSettings;
import microfactory.common.ForbiddenException;
import microfactory.common.NotFoundException;
import microfactory.members.MemberPrincipal;
import microfactory.members.MemberService;

/** {@code GET /api/v1/members/{member}/value}: the value a member generated, for the member themself or a steward. */
@RestController
class ValueApi {

    private final ValueGenerated value;
    private final MemberService members;
    private final ChapterSettings chapter;
    private final Clock clock;

    ValueApi(ValueGenerated value, MemberService members, ChapterSettings chapter, Clock clock) {
        this.clock = clock;
        this.value = value;
        this.members = members;
        this.chapter = chapter;
    }

    /** {@code member} is a pseudonym or "me"; the period defaults to this calendar year up to today. */
    @GetMapping("/api/v1/members/{member}/value")
    MemberValue value(@PathVariable String member, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                      @AuthenticationPrincipal MemberPrincipal me) {
        String who = "me".equals(member) ? me.publicId() : member;
        if (!who.equals(me.publicId()) && !me.isSteward()) {
            throw new ForbiddenException("Only the member themself or a steward sees the value a member generated; ask for /api/v1/members/me/value.");
        }
        if (members.findByPublicId(who).isEmpty()) {
            throw new NotFoundException("member", who);
        }
        LocalDate today = chapter.today(clock);
        LocalDate end = to == null ? today : to;
        return value.of(who, from == null ? end.withDayOfYear(1) : from, end);
    }
}
