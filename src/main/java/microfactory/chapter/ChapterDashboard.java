package microfactory.chapter;

import org.springframework.stereotype.Service;

import microfactory.equipment.EquipmentService;
import microfactory.ledger.LedgerEconomics;
import microfactory.members.MemberService;

/** Gathers the dashboard's figures from each feature's service. */
@Service
public class ChapterDashboard {

    private final ChapterService chapters;
    private final MemberService members;
    private final EquipmentService equipment;
    private final LedgerEconomics ledger;

    ChapterDashboard(ChapterService chapters, MemberService members, EquipmentService equipment, LedgerEconomics ledger) {
        this.ledger = ledger;
        this.chapters = chapters;
        this.members = members;
        this.equipment = equipment;
    }

    public Dashboard now() {
        Chapter chapter = chapters.chapter();
        long bays = equipment.bays().size();
        return new Dashboard(chapter, members.activeMemberCount(), members.activeMembersPerPlan(), bays,
                ChapterEconomics.of(chapter, bays), ledger.economics(), chapters.lineage().orElse(null));
    }
}
