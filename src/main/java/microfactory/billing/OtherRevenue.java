package microfactory.billing;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import microfactory.common.ChapterSettings;
import microfactory.common.ConflictException;
import microfactory.common.InvalidInputException;
import microfactory.common.NotFoundException;
import microfactory.ledger.LedgerService;
import microfactory.ledger.PostingRequest;
import microfactory.ledger.Recorded;
import microfactory.ledger.TransferRequest;
import microfactory.members.Member;
import microfactory.members.MemberService;
import microfactory.production.Unit;
import microfactory.production.UnitRecord;
import microfactory.production.UnitRecords;

/**
 * Revenue besides members' bills (workshop fees are booked by production as members join runs): showroom sales of
 * the chapter's units, to a member (their new owner) or a visitor, and training fees paid by visitors. Each is a
 * ledger transfer into the account of the way it was paid.
 */
@Service
public class OtherRevenue {

    static final String SALES = "sales-income";
    static final String TRAINING = "training-income";
    private final UnitRecords units;
    private final MemberService members;
    private final LedgerService ledger;
    private final ChapterSettings chapter;
    private final BillingService billing;

    OtherRevenue(UnitRecords units, MemberService members, LedgerService ledger, ChapterSettings chapter, BillingService billing) {
        this.units = units;
        this.members = members;
        this.ledger = ledger;
        this.chapter = chapter;
        this.billing = billing;
    }

    /** Sells a unit on offer at its price; {@code buyer} a member's pseudonym or email, or blank for a visitor. */
    @Transactional
    public UnitRecord sell(String serial, String buyer, PaymentMethod method) {
        UnitRecord record = units.unitRecord(serial);
        Unit unit = record.unit();
        if (!unit.onOffer()) {
            throw new ConflictException(serial + (unit.soldAt() != null ? " is sold already." : " is not on offer: offer it at a price first."));
        }
        if (method == null) {
            throw InvalidInputException.of("method", "choose CASH, BANK_TRANSFER, CARD_TERMINAL or CRYPTOCURRENCY");
        }
        Member member = null;
        if (buyer != null && !buyer.isBlank()) {
            member = members.findByPublicId(buyer.strip()).or(() -> members.findByEmail(buyer.strip()))
                    .orElseThrow(() -> InvalidInputException.of("buyer", "no member " + buyer.strip() + "; leave it empty for a visitor"));
        }
        TransferRequest sale = TransferRequest.of("sale-" + serial, "sale", "Showroom sale of " + serial + " (" + record.run().designSlug() + ")",
                PostingRequest.debit(method.account(), unit.offerPriceMinor(), chapter.currency()),
                PostingRequest.credit(SALES, unit.offerPriceMinor(), chapter.currency()));
        Recorded booked = book(member == null ? sale : sale.forMember(member.publicId()));
        units.sold(serial, member, booked.entryIndex());
        return units.unitRecord(serial);
    }

    /** A visitor's training fee (a course, a workshop seat), or a member's: income on the ledger. Returns the transfer id. */
    @Transactional
    public String trainingFee(Long amountMinor, PaymentMethod method, String course, String member, LocalDate paidOn) {
        if (amountMinor == null || amountMinor <= 0) {
            throw InvalidInputException.of("amountMinor", "a fee is a positive whole number of minor units of " + chapter.currency());
        }
        if (method == null) {
            throw InvalidInputException.of("method", "choose CASH, BANK_TRANSFER, CARD_TERMINAL or CRYPTOCURRENCY");
        }
        if (course == null || course.isBlank() || course.length() > 200) {
            throw InvalidInputException.of("course", "say what the fee is for, in at most 200 characters");
        }
        LocalDate day = paidOn == null ? billing.today() : paidOn;
        String id = "training-fee-" + UUID.randomUUID();
        TransferRequest fee = TransferRequest.of(id, "training-fee", "Training fee: " + course.strip(),
                PostingRequest.debit(method.account(), amountMinor, chapter.currency()),
                PostingRequest.credit(TRAINING, amountMinor, chapter.currency())).on(day);
        if (member != null && !member.isBlank()) {
            Member m = members.findByPublicId(member.strip()).orElseThrow(() -> InvalidInputException.of("member", "no member " + member.strip()));
            fee = fee.forMember(m.publicId());
        }
        book(fee);
        return id;
    }

    private Recorded book(TransferRequest t) {
        try {
            return ledger.transfer(t);
        } catch (NotFoundException | InvalidInputException e) {
            throw new ConflictException("The ledger cannot record this: it needs the accounts '" + SALES + "' and '" + TRAINING
                    + "' and the payment's ('bank', 'cash' or 'crypto-wallet') in " + chapter.currency() + " (" + e.getMessage()
                    + "). A steward opens them at /ledger.");
        }
    }
}
