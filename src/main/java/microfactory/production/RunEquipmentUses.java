package microfactory.production;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import microfactory.common.ChapterSettings;
import microfactory.equipment.HeldBy;
import microfactory.equipment.HeldSlot;
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
    public List<HeldSlot> commitments(Machine machine, Instant from, Instant to) {
        return heldByBuilds(from, to, 0).stream().filter(d -> d.machineType().equals(machine.type())).toList();
    }

    /**
     * Machines the live builds' tasks not done yet hold in [from, to), one entry per task and machine type; build
     * {@code exceptRun} left out (a build being scheduled does not compete with itself).
     */
    List<HeldSlot> heldByBuilds(Instant from, Instant to, long exceptRun) {
        List<HeldSlot> held = new ArrayList<>();
        ZoneId zone = chapter.zone();
        for (Run r : runs.liveRuns()) {
            if (r.id() == exceptRun || r.ends(zone).isBefore(from) || r.at(0, zone).isAfter(to)) {
                continue;
            }
            for (RunTask t : runs.tasks(r.id())) {
                Instant start = r.at(t.startMinute(), zone);
                Instant end = r.at(t.endMinute(), zone);
                if (t.status() == TaskStatus.DONE || !start.isBefore(to) || !end.isAfter(from)) {
                    continue;
                }
                for (String m : t.machines()) {
                    String type = m.contains(":") ? m.substring(0, m.indexOf(':')) : m;
                    int units = units(m);
                    held.add(new HeldSlot(HeldBy.BUILD, type, start, end, units, "build #" + r.id(), describe(r) + " uses " + units + " for task " + t.key()
                            + " " + r.dayTime(t.startMinute()) + " to " + r.dayTime(t.endMinute())));
                }
            }
        }
        return held;
    }

    /** How many machines a task's entry uses (stored as type:count; a bare type is one). */
    private static int units(String entry) {
        int colon = entry.indexOf(':');
        if (colon < 0) {
            return 1;
        }
        try {
            return Integer.parseInt(entry.substring(colon + 1));
        } catch (NumberFormatException e) {
            return 1;
        }
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
