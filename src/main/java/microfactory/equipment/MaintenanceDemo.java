package microfactory.equipment;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.springframework.stereotype.Component;

import microfactory.common.DemoData;
import microfactory.learning.LearningService;
import microfactory.members.Member;
import microfactory.members.MemberService;
import microfactory.members.MemberSummary;

/**
 * The demo's maintenance: a plan for each heavy machine, services logged by members who hold the badge (the torch
 * table's last clean is overdue), the robot arm's calibration scheduled for later this week, and the soil sifter locked
 * out by a reported fault.
 */
@Component
class MaintenanceDemo implements DemoData {

    private final MachineMaintenance maintenance;
    private final MemberService members;
    private final LearningService learning;
    private final EquipmentService equipment;
    private final Clock clock;
    private final MachineFaults faults;

    MaintenanceDemo(MachineMaintenance maintenance, MemberService members, LearningService learning, EquipmentService equipment, Clock clock,
                    MachineFaults faults) {
        this.faults = faults;
        this.maintenance = maintenance;
        this.members = members;
        this.learning = learning;
        this.equipment = equipment;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 45; // after the badges, which decide who may service a machine
    }

    @Override
    public void load() {
        MaintenancePlan torch = maintenance.addPlan("torch-table", "Clean the water table, change torch consumables", 40, 30, null, null);
        MaintenancePlan welders = maintenance.addPlan("mig-welders", "Replace liners and contact tips", 100, null, null, null);
        MaintenancePlan printers = maintenance.addPlan("printer-farm", "Level the beds, clean the nozzles", null, 14, null, null);
        MaintenancePlan arm = maintenance.addPlan("robot-arm", "Grease the joints, check the calibration", 200, 90, null, null);
        maintenance.addPlan("ceb-press", "Grease, check the hydraulic oil and filter", 50, 30, null, null);
        maintenance.addPlan("gantry-hoists", "Inspect chains, hooks and brakes", null, 30, "safety", 1);
        Instant now = clock.instant().truncatedTo(ChronoUnit.HOURS);
        done(torch, now.minus(45, ChronoUnit.DAYS), 3, "Water table cleaned; nozzle, electrode and shield changed", "1 consumables kit");
        done(printers, now.minus(9, ChronoUnit.DAYS), 2, "Beds levelled, two nozzles replaced", "2 nozzles 0.4 mm");
        done(welders, now.minus(60, ChronoUnit.DAYS), 4, "Liners replaced on all six", "6 liners, 20 contact tips");
        done(arm, now.plus(3, ChronoUnit.DAYS).plus(2, ChronoUnit.HOURS), 4, "Calibration check, joints greased (scheduled)", "");
        // One machine is locked out by a fault a member reported this morning.
        members.search(null, true, 0).stream().findFirst().ifPresent(m ->
                faults.report("crusher", m.member().id(), "Screen torn: stones get through to the press", true));
    }

    private void done(MaintenancePlan plan, Instant from, int hours, String what, String parts) {
        Machine machine = equipment.machine(plan.machine());
        Optional<Member> who = members.search(null, true, 0).stream().map(MemberSummary::member)
                .filter(m -> learning.gate(m.id(), plan.skill(), plan.level()).allowed()).findFirst();
        who.ifPresent(m -> maintenance.record(machine.code(), m.id(), plan.id(), what, parts, from, from.plus(hours, ChronoUnit.HOURS)));
    }
}
