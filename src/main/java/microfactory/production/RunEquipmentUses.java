package microfactory.production;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import microfactory.common.ChapterSettings;
import microfactory.equipment.Commitment;
import microfactory.equipment.EquipmentUses;
import microfactory.equipment.Machine;

/** Tells equipment which builds still need a bay or a machine, so neither is removed under a build. */
@Component
class RunEquipmentUses implements EquipmentUses {

    private final ProductionRepository runs;
    private final ChapterSettings chapter;

    RunEquipmentUses(ProductionRepository runs, ChapterSettings chapter) {
        this.runs = runs;
        this.chapter = chapter;
    }

    /** Builds' tasks not done yet that use the machine's type, at their scheduled times: bookings cannot take those units. */
    @Override
    public List<Commitment> commitments(Machine machine, Instant from, Instant to) {
        List<Commitment> held = new ArrayList<>();
        ZoneId zone = chapter.zone();
        for (Run r : runs.liveRuns()) {
            if (r.ends(zone).isBefore(from) || r.at(0, zone).isAfter(to)) {
                continue;
            }
            for (RunTask t : runs.tasks(r.id())) {
                int units = units(t, machine.type());
                Instant start = r.at(t.startMinute(), zone);
                Instant end = r.at(t.endMinute(), zone);
                if (units > 0 && t.status() != TaskStatus.DONE && start.isBefore(to) && end.isAfter(from)) {
                    held.add(new Commitment(start, end, units, describe(r) + " uses " + units + " for task " + t.key()
                            + " " + r.dayTime(t.startMinute()) + " to " + r.dayTime(t.endMinute())));
                }
            }
        }
        return held;
    }

    /** How many of a machine type a task uses (stored as type:count). */
    private static int units(RunTask t, String type) {
        for (String m : t.machines()) {
            if (m.equals(type)) {
                return 1;
            }
            if (m.startsWith(type + ":")) {
                try {
                    return Integer.parseInt(m.substring(type.length() + 1));
                } catch (NumberFormatException e) {
                    return 1;
                }
            }
        }
        return 0;
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
