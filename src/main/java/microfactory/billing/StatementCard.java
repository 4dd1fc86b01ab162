package microfactory.billing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import microfactory.common.Money;
import microfactory.members.Member;
import microfactory.members.ProfileCard;

/** The profile's "your bills" card: what is owed, overdue or in credit, and the latest invoices. */
@Component
class StatementCard implements ProfileCard.Source {

    private final BillingService billing;

    StatementCard(BillingService billing) {
        this.billing = billing;
    }

    @Override
    public Optional<ProfileCard> cardFor(Member member) {
        Statement s = billing.statement(member.id());
        if (s.invoices().isEmpty() && s.payments().isEmpty() && s.accruing() == null) {
            return Optional.empty();
        }
        String lead = s.owedMinor() == 0 ? "You owe nothing." : "You owe " + money(s.owedMinor(), s) + "."
                + (s.overdueMinor() > 0 ? " " + money(s.overdueMinor(), s) + " of it is overdue." : "");
        if (s.creditMinor() > 0) {
            lead += " You have " + money(s.creditMinor(), s) + " in credit.";
        }
        if (s.lapsed()) {
            lead += " Your membership's rights are paused until the overdue invoice is paid.";
        }
        List<String> lines = new ArrayList<>();
        s.invoices().stream().limit(3).forEach(i -> lines.add(i.reference() + " · " + i.description() + " · " + money(i.amountMinor(), s)
                + " · " + i.status().label()));
        if (s.accruing() != null) {
            lines.add("This month so far: " + money(s.accruing().valueMinor(), s) + " of value generated, " + money(s.accruing().shareMinor(), s)
                    + " to be billed when the month ends.");
        }
        return Optional.of(new ProfileCard("statement", "Your bills", lead, lines, "/billing/statement", "Your statement"));
    }

    private static String money(long minor, Statement s) {
        return Money.of(minor, s.currency()).formatted();
    }
}
