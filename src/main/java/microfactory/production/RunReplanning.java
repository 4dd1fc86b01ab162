package microfactory.production;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import microfactory.common.ChapterSettings;
import microfactory.common.ConflictException;
import microfactory.common.InvalidInputException;
import microfactory.common.NotFoundException;
import microfactory.equipment.Machine;
import microfactory.equipment.MachineDownScheduled;
import microfactory.equipment.MachineStatusChanged;
import microfactory.scheduling.Assignment;
import microfactory.scheduling.InfeasibleProjectException;
import microfactory.scheduling.Replanner;
import microfactory.scheduling.Schedule;
import microfactory.scheduling.Solver;

/**
 * Replanning a live build with the scheduler's replanner, keeping started and finished work: when someone leaves,
 * a machine goes out of service (or comes back), or a task runs late. Each replan is logged with how it moved
 * the expected finish.
 */
@Component
class RunReplanning {

    private final ProductionRepository runs;
    private final RunPlans plans;
    private final Clock clock;
    private final ChapterSettings chapter;

    private final RunNotices notices;

    RunReplanning(ProductionRepository runs, RunPlans plans, Clock clock, RunNotices notices, ChapterSettings chapter) {
        this.chapter = chapter;
        this.notices = notices;
        this.runs = runs;
        this.plans = plans;
        this.clock = clock;
    }

    /** Logs what changed in a build and tells its crew (who chose to hear of it). */
    private void changed(Run run, String kind, String message) {
        runs.log(run.id(), clock.instant(), kind, message);
        notices.rescheduled(run, message);
    }

    /** Replans a live build after a change, keeping work under way; returns the new expected end (run minutes). */
    private int replan(Run run, RunPlans.Situation s, Replanner.Change change) {
        var schedule = replanned(s, change);
        plans.store(run.id(), s.plan(), schedule, s.keep());
        return end(schedule);
    }

    /** The replanner's answer to a change, not stored yet. */
    private static Schedule replanned(RunPlans.Situation s, Replanner.Change change) {
        return Replanner.replan(s.plan().project(), s.current(), s.now(), change,
                Solver.Options.defaults().withTimeLimit(800)).result().schedule();
    }

    private static int end(Schedule schedule) {
        return schedule.assignments().stream().mapToInt(Assignment::end).max().orElse(0);
    }

    /** Whether work left in the run needs a machine of this type. */
    private boolean needs(Run run, String machineType) {
        return runs.tasks(run.id()).stream().anyMatch(t -> t.status() != TaskStatus.DONE
                && t.machines().stream().anyMatch(m -> m.startsWith(machineType + ":")));
    }

    private int expectedEnd(long runId) {
        return runs.tasks(runId).stream().mapToInt(RunTask::endMinute).max().orElse(0);
    }

    /**
     * Someone left a scheduled or running build: replan from now, keeping every task that has started where it is.
     * If no schedule is possible without them, the run reopens for sign-ups. Returns why it reopened, or null.
     */
    String replanWithout(Run run, Signup leaving) {
        List<Signup> crew = new ArrayList<>(plans.crew(run.id()));
        crew.add(leaving);
        RunPlans.Situation s = plans.situation(run, crew, Map.of());
        int before = expectedEnd(run.id());
        try {
            int after = replan(run, s, new Replanner.PersonLeaves(s.personIds().get(leaving.publicId())));
            changed(run, "REPLANNED", leaving.publicId() + " left the crew; replanned around the gap"
                    + finish(run, before, after));
            return null;
        } catch (InfeasibleProjectException | IllegalArgumentException e) {
            if (!s.keep().isEmpty()) {
                throw new ConflictException("The build cannot go on without you: " + e.getMessage());
            }
            runs.deleteChecksAndTasks(run.id());
            runs.setStatus(run.id(), RunStatus.OPEN);
            changed(run, "REOPENED", leaving.publicId() + " left and no schedule works without them: " + e.getMessage());
            return e.getMessage();
        }
    }

    private String finish(Run run, int before, int after) {
        if (after == before) {
            return "; the expected finish is unchanged (" + run.dayTime(after) + ")";
        }
        return "; expected finish " + (after > before ? "moved later" : "moved earlier") + " from " + run.dayTime(before) + " to "
                + run.dayTime(after);
    }

    /**
     * A machine went out of service: every live build with work left on that machine type is replanned without it,
     * work already on it finishing first. When a build cannot finish without it, its log says which tasks are stuck.
     */
    @EventListener
    public void machineStatusChanged(MachineStatusChanged change) {
        var machine = change.machine();
        if (machine.inService() && !change.wasInService()) {
            machineBack(machine);
            return;
        }
        if (machine.inService() || !change.wasInService()) {
            return;
        }
        for (Run run : runs.liveRuns()) {
            if (!needs(run, machine.type())) {
                continue;
            }
            runs.lock(run.id());
            RunPlans.Situation s = plans.situation(run, plans.crew(run.id()), Map.of(machine.type(), machine.count()));
            int before = expectedEnd(run.id());
            String what = machine.name() + " went out of service (" + machine.statusReason() + ")";
            try {
                int after = replan(run, s, new Replanner.MachinesBreak(machine.type(), machine.count()));
                changed(run, "REPLANNED", what + "; replanned without it" + finish(run, before, after));
            } catch (InfeasibleProjectException e) {
                changed(run, "BLOCKED", what + "; the build cannot finish without it: "
                        + String.join("; ", e.reasons()) + ". Bring it back into service or add one.");
            }
        }
    }

    /**
     * Maintenance will take a machine down for a window: every live build whose work left on that machine type falls in
     * the window is replanned around it (the window is an outage to the scheduler), keeping work under way.
     */
    @EventListener
    public void machineDownScheduled(MachineDownScheduled down) {
        Machine machine = down.machine();
        ZoneId zone = chapter.zone();
        for (Run run : runs.liveRuns()) {
            boolean inWindow = runs.tasks(run.id()).stream().anyMatch(t -> t.status() != TaskStatus.DONE
                    && t.machines().stream().anyMatch(m -> m.startsWith(machine.type() + ":"))
                    && run.at(t.startMinute(), zone).isBefore(down.until()) && run.at(t.endMinute(), zone).isAfter(down.from()));
            if (!inWindow) {
                continue;
            }
            runs.lock(run.id());
            RunPlans.Situation s = plans.situation(run, plans.crew(run.id()), Map.of());
            int before = expectedEnd(run.id());
            String what = machine.name() + " is down for maintenance " + run.dayTime((int) run.minuteAt(down.from(), zone)) + " to "
                    + run.dayTime((int) run.minuteAt(down.until(), zone)) + " (" + down.why() + ")";
            try {
                // nothing breaks for good: the replanner plans again from now, the window an outage like any other
                int after = replan(run, s, new Replanner.MachinesBreak(machine.type(), 0));
                changed(run, "REPLANNED", what + "; replanned around it" + finish(run, before, after));
            } catch (InfeasibleProjectException e) {
                changed(run, "BLOCKED", what + "; the build cannot be planned around it: " + String.join("; ", e.reasons()) + ".");
            }
        }
    }

    /**
     * A machine is back in service: a live build that needs its type is replanned when that finishes it earlier,
     * or when it was stuck without the machine; otherwise its schedule stays as the crew know it.
     */
    private void machineBack(Machine machine) {
        for (Run run : runs.liveRuns()) {
            if (!needs(run, machine.type())) {
                continue;
            }
            runs.lock(run.id());
            boolean wasBlocked = runs.log(run.id()).stream().findFirst().map(e -> e.kind().equals("BLOCKED")).orElse(false);
            RunPlans.Situation s = plans.situation(run, plans.crew(run.id()), Map.of());
            int before = expectedEnd(run.id());
            try {
                // no machines break: the replanner simply plans again from now, with the machine there
                var schedule = replanned(s, new Replanner.MachinesBreak(machine.type(), 0));
                int after = end(schedule);
                if (wasBlocked || after < before) {
                    plans.store(run.id(), s.plan(), schedule, s.keep());
                    changed(run, "REPLANNED", machine.name() + " is back in service; replanned with it"
                            + finish(run, before, after));
                }
            } catch (InfeasibleProjectException e) {
                changed(run, "BLOCKED", machine.name() + " is back, but the build still cannot finish: "
                        + String.join("; ", e.reasons()) + ".");
            }
        }
    }

    /**
     * A task will take longer than planned (reported by its crew or a steward): the build is replanned with the
     * extra time, keeping work under way, and the log says how the expected finish moved.
     */
    @Transactional
    RunEvent reportDelay(long runId, String key, String publicId, boolean steward, Integer minutes, String reason) {
        Run run = runs.run(runId).orElseThrow(() -> new NotFoundException("run", runId));
        if (minutes == null || minutes < 1 || minutes > 2 * 1440) {
            throw InvalidInputException.of("minutes", "how many minutes longer, from 1 to 2880");
        }
        runs.lock(runId);
        RunTask t = runs.tasks(runId).stream().filter(x -> x.key().equals(key)).findFirst()
            .orElseThrow(() -> new NotFoundException("task of run " + runId, key));
        if (!steward && !t.involves(publicId)) {
            throw new ConflictException("Only the crew of " + t.name() + " (unit " + t.unit() + ") or a steward can report it late.");
        }
        if (t.status() == TaskStatus.DONE) {
            throw new ConflictException(t.name() + " (unit " + t.unit() + ") is done; only work not finished can run late.");
        }
        RunPlans.Situation s = plans.situation(run, plans.crew(runId), Map.of());
        int before = expectedEnd(runId);
        try {
            int after = replan(run, s, new Replanner.TaskRunsLate(s.taskIds().get(key), minutes));
            String why = reason == null || reason.isBlank() ? "" : " (" + reason.strip() + ")";
            changed(run, "DELAY", "unit " + t.unit() + ": " + t.name() + " runs " + minutes + " min late" + why
                    + "; replanned" + finish(run, before, after));
        } catch (InfeasibleProjectException e) {
            throw new ConflictException("With " + minutes + " more minutes the build no longer fits: " + String.join("; ", e.reasons()) + ".");
        }
        return runs.log(runId).get(0);
    }
}
