package microfactory.production;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import microfactory.common.ChapterSettings;
import microfactory.common.Money;
import microfactory.common.SourceYardsticks;
import microfactory.members.Member;
import microfactory.members.ProfileCard;

/** The profile's "value you generated" card: this year's total against the source's $50,000 a member-year. */
@Component
class ValueCard implements ProfileCard.Source {

    private final ValueGenerated value;
    private final ChapterSettings chapter;
    private final Clock clock;

    ValueCard(ValueGenerated value, ChapterSettings chapter, Clock clock) {
        this.value = value;
        this.chapter = chapter;
        this.clock = clock;
    }

    @Override
    public Optional<ProfileCard> cardFor(Member member) {
        LocalDate today = chapter.today(clock);
        MemberValue v = value.of(member.publicId(), today.withDayOfYear(1), today);
        String total = Money.of(v.totalMinor(), v.currency()).formatted();
        String lead = v.contributions().isEmpty()
                ? "You have not built a priced unit or signed anyone off this year yet: a unit's value is shared among its builders "
                  + "by the hours each worked, and teaching counts at the chapter's hourly value."
                : "You generated " + total + " of value in " + today.getYear() + " in " + v.contributions().size()
                  + " contributions (" + (v.minutes() / 60) + " hours of building and teaching).";
        if (SourceYardsticks.CURRENCY.equals(v.currency())) {
            lead += " The source's mark is " + Money.of(SourceYardsticks.VALUE_PER_MEMBER_YEAR_MINOR, SourceYardsticks.CURRENCY).formatted()
                    + " a member-year (" + Math.round(100.0 * v.totalMinor() / SourceYardsticks.VALUE_PER_MEMBER_YEAR_MINOR) + " % reached).";
        }
        List<Contribution> latest = new ArrayList<>(v.contributions());
        Collections.reverse(latest);
        List<String> lines = latest.stream().limit(5)
                .map(c -> c.reference() + " (" + c.what() + "): " + (c.minutes() / 60) + " h " + (c.minutes() % 60) + " min, "
                        + Money.of(c.valueMinor(), v.currency()).formatted()).toList();
        return Optional.of(new ProfileCard("value", "Value you generated", lead, lines, "/api/v1/members/me/value",
                "Every contribution this year (JSON)"));
    }
}
