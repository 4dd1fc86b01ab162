package microfactory.production;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import microfactory.equipment.EquipmentUses;
import microfactory.equipment.Machine;

/** Tells equipment which builds still need a bay or a machine, so neither is removed under a build. */
@Component
class RunEquipmentUses implements EquipmentUses {

    private final ProductionRepository runs;

    RunEquipmentUses(ProductionRepository runs) {
        this.runs = runs;
    }

    @Override
    public List<String> usesOfBay(String bayCode) {
        List<String> uses = new ArrayList<>();
        for (Run r : runs.runs()) {
            if (r.status().ended()) {
                continue;
            }
            boolean planned = r.bays().contains(bayCode);
            boolean scheduled = runs.tasks(r.id()).stream().anyMatch(t -> bayCode.equals(t.bay()) && t.status() != TaskStatus.DONE);
            if (planned || scheduled) {
                uses.add(describe(r) + (scheduled ? " has work scheduled in it" : " is planned in it"));
            }
        }
        return uses;
    }

    @Override
    public List<String> usesOfMachine(Machine machine) {
        List<String> uses = new ArrayList<>();
        for (Run r : runs.liveRuns()) {
            long tasks = runs.tasks(r.id()).stream()
                    .filter(t -> t.status() != TaskStatus.DONE && needs(t, machine.type())).count();
            if (tasks > 0) {
                uses.add(describe(r) + " needs a " + machine.type() + " for " + tasks + (tasks == 1 ? " task" : " tasks"));
            }
        }
        return uses;
    }

    /** A task's machines are stored as type:count, such as torch-table:1. */
    private static boolean needs(RunTask t, String type) {
        return t.machines().stream().anyMatch(m -> m.equals(type) || m.startsWith(type + ":"));
    }

    private static String describe(Run r) {
        return "the " + r.status().label() + " build #" + r.id() + " (" + r.quantity() + " × "
                + r.designSlug() + ")";
    }
}
