package microfactory.chapter;

import org.springframework.stereotype.Service;

import microfactory.equipment.EquipmentService;
import microfactory.members.MemberService;

/** Gathers the dashboard's figures from each feature's service. */
@Service
public class ChapterDashboard {

    private final ChapterService chapters;
    private final MemberService members;
    private final EquipmentService equipment;

    ChapterDashboard(ChapterService chapters, MemberService members, EquipmentService equipment) {
        this.chapters = chapters;
        this.members = members;
        this.equipment = equipment;
    }

    public Dashboard now() {
        return new Dashboard(chapters.chapter(), members.activeMemberCount(), members.activeMembersPerPlan(),
                equipment.bays().size(), SourceEconomics.SOURCE);
    }
}
