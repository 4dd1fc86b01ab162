package microfactory.production;

import org.springframework.stereotype.Component;

import microfactory.common.ConflictException;
import microfactory.common.InvalidInputException;
import microfactory.common.NotFoundException;
import microfactory.ledger.LedgerService;
import microfactory.ledger.PostingRequest;
import microfactory.ledger.TransferRequest;
import microfactory.ledger.TransferStatus;
import microfactory.members.MemberService;
import microfactory.members.PlanService;

/** A run's fee on the ledger: owed by members without the usufruct right, held pending until the build starts. */
@Component
class RunFees {

    private final ProductionRepository runs;
    private final LedgerService ledger;
    private final MemberService members;
    private final PlanService plans;

    RunFees(ProductionRepository runs, LedgerService ledger, MemberService members, PlanService plans) {
        this.runs = runs;
        this.ledger = ledger;
        this.members = members;
        this.plans = plans;
    }

    /**
     * A confirmed member without the usufruct right owes the run's fee: a pending ledger transfer (bank ← workshop
     * income, under their pseudonym), posted when the build starts and voided if they leave or it is cancelled first.
     */
    void charge(Run run, Signup signup) {
        if (run.feeMinor() == 0 || hasUsufruct(signup.memberId())) {
            return;
        }
        String id = feeId(run, signup);
        try {
            ledger.transfer(TransferRequest.of(id, "workshop-fee", "Fee for run " + run.id() + " (" + run.designSlug() + ")",
                    PostingRequest.debit("bank", run.feeMinor(), run.feeCurrency()),
                    PostingRequest.credit("workshop-income", run.feeMinor(), run.feeCurrency()))
                .forMember(signup.publicId()).asPending(null));
        } catch (NotFoundException | InvalidInputException e) {
            throw new ConflictException("The fee cannot be recorded: the chapter's ledger needs 'bank' and 'workshop-income' accounts in "
                    + run.feeCurrency() + " (" + e.getMessage() + "). A steward opens them at /ledger.");
        }
        runs.setFeeTransfer(signup.id(), id);
    }

    /** The fee's transfer id; a member who left and joined again owes a new one (-2, -3, …), the voided one stays. */
    static String feeId(Run run, Signup signup) {
        String first = "run-" + run.id() + "-fee-" + signup.id();
        String last = signup.feeTransfer();
        if (last == null) {
            return first;
        }
        int round = last.equals(first) ? 1 : Integer.parseInt(last.substring(first.length() + 1));
        return first + "-" + (round + 1);
    }

    /** Posts (collects) or voids a pending fee; nothing when there is none or it was settled already. */
    void settle(Signup signup, boolean collect) {
        if (signup.feeTransfer() == null) {
            return;
        }
        var transfer = ledger.transferById(signup.feeTransfer());
        if (transfer.status() != TransferStatus.PENDING) {
            return;
        }
        String id = signup.feeTransfer() + (collect ? "-posted" : "-voided");
        ledger.transfer(collect ? TransferRequest.post(id, signup.feeTransfer())
                : TransferRequest.voiding(id, signup.feeTransfer()));
    }

    private boolean hasUsufruct(long memberId) {
        return members.currentMembership(memberId).map(m -> m.rightsHold() && plans.get(m.planCode()).usufructRight()).orElse(false);
    }
}
