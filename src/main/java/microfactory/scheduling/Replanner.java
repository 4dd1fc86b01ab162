package microfactory.scheduling;

import java.util.ArrayList;
import java.util.List;

/**
 * Replanning a build in progress: from the current schedule, the time now and one change, a new schedule
 * that keeps every started or finished task exactly as it was and reschedules the rest from now.
 */
public final class Replanner {

    /** What happened. */
    public sealed interface Change permits PersonLeaves, MachinesBreak, TaskRunsLate {
    }

    /** A person leaves now; they finish a task they are in the middle of. */
    public record PersonLeaves(int personId) implements Change {
    }

    /** {@code count} machines of a type go out of service now, until further notice. */
    public record MachinesBreak(String type, int count) implements Change {
    }

    /** A task takes {@code extra} time units longer than planned. */
    public record TaskRunsLate(int taskId, int extra) implements Change {
    }

    /** The project as changed, and the new schedule for it. */
    public record Replan(Project project, Solver.Result result) {
    }

    /** The end of an outage with no known end: a breakdown. */
    static final int UNTIL_FURTHER_NOTICE = Integer.MAX_VALUE / 8;

    private Replanner() {
    }

    public static Replan replan(Project project, Schedule current, int now, Change change, Solver.Options options) {
        Project changed = apply(project, current, now, change);
        ProjectCheck.requireFeasible(changed);
        if (change instanceof MachinesBreak broken) {
            int left = changed.machines().stream().filter(m -> m.type().equals(broken.type())).mapToInt(MachineType::count)
                    .sum() - changed.outages().stream().filter(o -> o.machineType().equals(broken.type()) && o.when().end() >= UNTIL_FURTHER_NOTICE)
                    .mapToInt(Outage::count).sum(); // passing outages (a booking, maintenance) leave the machine in service
            List<String> reasons = new ArrayList<>();
            for (Task t : changed.tasks()) {
                int need = t.machines().getOrDefault(broken.type(), 0);
                boolean started = current.assignments().stream().anyMatch(a -> a.task() == t.id() && a.start() < now);
                if (!started && need > left) {
                    reasons.add("task " + t.id() + " needs " + need + " of '" + broken.type() + "' at once; after the breakdown "
                            + Math.max(0, left) + " " + (left == 1 ? "is" : "are") + " in service");
                }
            }
            if (!reasons.isEmpty()) {
                throw new InfeasibleProjectException(reasons);
            }
        }
        List<Assignment> fixed = new ArrayList<>();
        int latest = now;
        for (Assignment a : current.assignments()) {
            if (a.start() < now) {
                int duration = changed.tasks().stream().filter(t -> t.id() == a.task()).findFirst().orElseThrow().duration();
                fixed.add(new Assignment(a.task(), a.start(), a.start() + duration, a.people(), List.of()));
                latest = Math.max(latest, a.start() + duration);
            }
        }
        Compiled c = Compiled.of(changed, latest + 1);
        Solver.Result r = new Solver.Search(c, options, new Schedule(fixed), now).run();
        return new Replan(changed, r);
    }

    static Project apply(Project p, Schedule current, int now, Change change) {
        if (change instanceof PersonLeaves leaves) {
                int until = now;
                for (Assignment a : current.assignments()) {
                    if (a.people().contains(leaves.personId()) && a.start() < now && a.end() > now) {
                        until = Math.max(until, a.end()); // they finish what they started
                    }
                }
                int end = until;
                List<Person> people = p.people().stream().map(person -> {
                    if (person.id() != leaves.personId()) {
                        return person;
                    }
                    List<Window> windows = person.availability().isEmpty() ? (end > 0 ? List.of(new Window(0, end)) : List.of())
                            : person.availability().stream().filter(w -> w.start() < end)
                                    .map(w -> new Window(w.start(), Math.min(w.end(), end))).toList();
                    // No window at all would mean "always there": give an empty one in the past instead.
                    return new Person(person.id(), person.name(), person.skills(),
                            windows.isEmpty() ? List.of(new Window(-2, -1)) : windows);
                }).toList();
            return new Project(p.name(), p.tasks(), people, p.machines(), p.bays(), p.workingWindows(), p.outages());
        }
        if (change instanceof MachinesBreak broken) {
                int from = now;
                for (Assignment a : current.assignments()) {
                    Task t = p.tasks().stream().filter(x -> x.id() == a.task()).findFirst().orElseThrow();
                    if (t.machines().containsKey(broken.type()) && a.start() < now && a.end() > now) {
                        from = Math.max(from, a.end()); // work already on the machine finishes first
                    }
                }
                List<Outage> outages = new ArrayList<>(p.outages());
                outages.add(new Outage(broken.type(), broken.count(), new Window(from, UNTIL_FURTHER_NOTICE)));
            return new Project(p.name(), p.tasks(), p.people(), p.machines(), p.bays(), p.workingWindows(), outages);
        }
        TaskRunsLate late = (TaskRunsLate) change;
        {
            for (Assignment a : current.assignments()) {
                if (a.task() == late.taskId() && a.end() <= now) {
                    throw new IllegalArgumentException("task " + late.taskId() + " finished at " + a.end()
                            + "; only a task in progress or not yet started can run late");
                }
            }
                List<Task> tasks = p.tasks().stream().map(t -> t.id() != late.taskId() ? t
                        : new Task(t.id(), t.name(), t.duration() + late.extra(), t.predecessors(), t.people(), t.machines(),
                                t.bay(), t.trainee())).toList();
            return new Project(p.name(), tasks, p.people(), p.machines(), p.bays(), p.workingWindows(), p.outages());
        }
    }
}
