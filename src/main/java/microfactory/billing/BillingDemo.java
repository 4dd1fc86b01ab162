package microfactory.billing;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import microfactory.common.DemoData;
import microfactory.common.Money;
import microfactory.members.Member;
import microfactory.members.MemberService;
import microfactory.production.UnitRecords;

/**
 * The demo chapter's bills: every membership's invoices since the founding, paid by cash, bank transfer, card or
 * cryptocurrency a few days after each was issued — except Tomás's latest, long overdue (reminded, his membership
 * paused), and Marcin's, not yet due, paid in part. One bank statement was imported: a payment it matched and a donation it did not.
 * A showroom printer was sold to a visitor, and visitors paid two training fees.
 */
@Component
class BillingDemo implements DemoData {

    private static final PaymentMethod[] METHODS = {PaymentMethod.BANK_TRANSFER, PaymentMethod.BANK_TRANSFER, PaymentMethod.CASH,
        PaymentMethod.CARD_TERMINAL, PaymentMethod.CRYPTOCURRENCY};
    private final BillingService billing;
    private final BillingRepository bills;
    private final MemberService members;
    private final OtherRevenue revenue;
    private final UnitRecords units;

    BillingDemo(BillingService billing, BillingRepository bills, MemberService members, OtherRevenue revenue, UnitRecords units) {
        this.revenue = revenue;
        this.units = units;
        this.billing = billing;
        this.bills = bills;
        this.members = members;
    }

    @Override
    public int order() {
        return 70; // after production: value-share bills read the value members generated
    }

    @Override
    public void load() {
        LocalDate today = billing.today();
        billing.issueDue(today);
        Member late = byName("Tomás Álvarez");
        Member partly = byName("Marcin Jakubowski");
        Invoice lateOne = bills.invoices(late.id()).get(0);
        Invoice partOne = bills.invoices(partly.id()).get(0);
        Invoice byBank = null;
        int k = 0;
        for (Invoice i : bills.unpaid(null)) {
            if (i.id() == lateOne.id()) {
                continue;
            }
            LocalDate paid = i.issuedOn().plusDays(3 + k % 9);
            paid = paid.isAfter(today) ? today : paid;
            if (byBank == null && i.id() != partOne.id() && !paid.isBefore(today.minusDays(20))) {
                byBank = i; // paid through the bank statement below
                continue;
            }
            long amount = i.id() == partOne.id() ? i.owedMinor() / 2 : i.owedMinor();
            PaymentMethod method = METHODS[k++ % METHODS.length];
            billing.recordPayment(i.memberId(), amount, i.currency(), method, method == PaymentMethod.CASH ? "receipt " + (1000 + k)
                    : method == PaymentMethod.CRYPTOCURRENCY ? "tx 0x" + Integer.toHexString(0x5eed00 + k) : "", paid, i.reference());
        }
        if (byBank != null) {
            LocalDate day = byBank.issuedOn().isAfter(today.minusDays(2)) ? today : today.minusDays(2);
            String csv = "Booking date,Amount,Currency,Reference,Name\n"
                    + day + "," + Money.of(byBank.owedMinor(), byBank.currency()).plain() + "," + byBank.currency() + ","
                    + "\"Membership " + byBank.reference() + " thank you\",A. Member\n"
                    + day + ",250.00,USD,Donation for the tool library,Jane Neighbour\n"
                    + day + ",-1200.00,USD,Welding wire,Steel & Co\n";
            billing.importStatement("demo-statement.csv", csv.getBytes(StandardCharsets.UTF_8));
        }
        billing.remindAndLapse(today);
        // Other revenue: a printer from the showroom sold to a visitor; training fees paid by visitors.
        units.showroom().stream().reduce((first, second) -> second)
                .ifPresent(u -> revenue.sell(u.serial(), null, PaymentMethod.CARD_TERMINAL));
        revenue.trainingFee(15_000L, PaymentMethod.CARD_TERMINAL, "Welding basics, one day (visitor)", null, today.minusDays(40));
        revenue.trainingFee(45_000L, PaymentMethod.BANK_TRANSFER, "CNC plasma course, three evenings (visitor)", null, today.minusDays(12));
    }

    private Member byName(String name) {
        List<Member> found = members.search(name, true, 0).stream().map(s -> s.member()).filter(m -> m.displayName().equals(name)).toList();
        return found.get(0);
    }
}
