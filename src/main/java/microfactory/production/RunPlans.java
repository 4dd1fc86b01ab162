package microfactory.production;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import microfactory.common.ChapterSettings;
import microfactory.common.ConflictException;
import microfactory.designs.BuildTask;
import microfactory.designs.DesignService;
import microfactory.equipment.Bay;
import microfactory.equipment.EquipmentService;
import microfactory.equipment.HeldSlot;
import microfactory.equipment.MachineBookings;
import microfactory.merit.Badge;
import microfactory.merit.MeritService;
import microfactory.scheduling.Assignment;
import microfactory.scheduling.MachineType;
import microfactory.scheduling.Outage;
import microfactory.scheduling.Person;
import microfactory.scheduling.Project;
import microfactory.scheduling.Requirement;
import microfactory.scheduling.Schedule;
import microfactory.scheduling.Task;
import microfactory.scheduling.Window;

/**
 * A run as the scheduler sees it: its units' build tasks, its crew by their badges, the machines in service, its
 * bays and working days; a live build's situation for the replanner; and storing a schedule back as task rows.
 */
@Component
class RunPlans {

    private final ProductionRepository runs;
    private final Signups signups;
    private final DesignService designs;
    private final EquipmentService equipment;
    private final MachineBookings machineBookings;
    private final RunEquipmentUses buildUses;
    private final MeritService merit;
    private final Clock clock;
    private final ChapterSettings chapter;

    RunPlans(Signups signups, ProductionRepository runs, DesignService designs, EquipmentService equipment, MeritService merit, Clock clock,
             ChapterSettings chapter, MachineBookings machineBookings, RunEquipmentUses buildUses) {
        this.buildUses = buildUses;
        this.machineBookings = machineBookings;
        this.signups = signups;
        this.chapter = chapter;
        this.runs = runs;
        this.designs = designs;
        this.equipment = equipment;
        this.merit = merit;
        this.clock = clock;
    }

    /** The confirmed crew (both roles) in sign-up order: the people a schedule may use. */
    List<Signup> crew(long runId) {
        return signups.of(runId).stream().filter(s -> s.status() == SignupStatus.CONFIRMED).toList();
    }

    /** A run as the scheduler sees it, and how its ids map back. */
    record Plan(Project project, List<BuildTask> design, List<Signup> crew) {
    }

    /**
     * Stores a schedule. Tasks named in {@code keep} (work under way or done) keep their rows, statuses and quality
     * records, moved to their times in the new schedule; every other task row is replaced.
     */
    void store(long runId, Plan plan, Schedule schedule, Map<String, String> keep) {
        Map<String, RunTask> kept = new HashMap<>();
        if (keep.isEmpty()) {
            runs.deleteChecksAndTasks(runId);
        } else {
            runs.tasks(runId).forEach(t -> {
                if (keep.containsKey(t.key())) {
                    kept.put(t.key(), t);
                } else {
                    runs.deleteTask(t.id());
                }
            });
        }
        for (Assignment a : schedule.assignments()) {
            int unit = a.task() / 1000;
            BuildTask t = plan.design().get(a.task() % 1000 - 1);
            RunTask existing = kept.get(unit + "-" + t.code());
            if (existing != null) {
                runs.retime(existing.id(), a.start(), a.end());
                continue;
            }
            String bay = plan.project().tasks().stream().filter(x -> x.id() == a.task()).findFirst().orElseThrow().bay();
            runs.insertTask(runId, new RunTask(0, unit, t.code(), t.name(), a.start(), a.end(), bay,
                    a.people().stream().map(q -> plan.crew().get(q - 1).publicId()).toList(),
                    a.trainees().stream().map(q -> plan.crew().get(q - 1).publicId()).toList(),
                    t.machines().entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).toList(), t.predecessors(),
                    TaskStatus.PLANNED, t.checklist()));
        }
    }

    /**
     * A live build as the replanner sees it: the project (task durations as now planned, so a reported delay
     * stays), the current schedule, and "now" in run minutes — at least just after the start of any task already
     * under way, so started and finished work is fixed. Tasks not started whose time has passed are moved to now.
     */
    record Situation(Plan plan, Schedule current, int now, Map<String, String> keep,
                             Map<String, Integer> personIds, Map<String, Integer> taskIds) {
    }

    Situation situation(Run run, List<Signup> crew, Map<String, Integer> machinesBack) {
        List<RunTask> current = runs.tasks(run.id());
        Plan plan = plan(run, crew, machinesBack);
        Map<String, Integer> personIds = new HashMap<>();
        for (int q = 0; q < crew.size(); q++) {
            personIds.put(crew.get(q).publicId(), q + 1);
        }
        Map<String, Integer> taskIds = new HashMap<>();
        for (int k = 0; k < plan.design().size(); k++) {
            for (int u = 1; u <= run.quantity(); u++) {
                taskIds.put(u + "-" + plan.design().get(k).code(), u * 1000 + k + 1);
            }
        }
        int now = (int) Math.max(0, Math.min(run.days() * 1440L, run.minuteAt(clock.instant(), chapter.zone())));
        Map<String, String> keep = new HashMap<>();
        Map<Integer, Integer> minutes = new HashMap<>();
        Set<Integer> done = new HashSet<>();
        for (RunTask t : current) {
            minutes.put(taskIds.get(t.key()), t.minutes());
            if (t.status() == TaskStatus.DONE) {
                done.add(taskIds.get(t.key())); // finished work no longer needs its machines (they may be gone since)
            }
            if (t.status() != TaskStatus.PLANNED) {
                keep.put(t.key(), t.status().name());
                now = Math.max(now, t.startMinute() + 1);
            }
        }
        int at = now;
        List<Assignment> assignments = current.stream().map(t -> {
            int start = t.status() == TaskStatus.PLANNED ? Math.max(t.startMinute(), at) : t.startMinute();
            return new Assignment(taskIds.get(t.key()), start, start + t.minutes(),
                    t.people().stream().filter(personIds::containsKey).map(personIds::get).toList(), List.of());
        }).toList();
        Project p = plan.project();
        List<Task> tasks = p.tasks().stream().map(t -> new Task(t.id(), t.name(), minutes.getOrDefault(t.id(), t.duration()),
                t.predecessors(), t.people(), done.contains(t.id()) ? Map.of() : t.machines(), t.bay(), t.trainee())).toList();
        Project timed = new Project(p.name(), tasks, p.people(), p.machines(), p.bays(), p.workingWindows(), p.outages());
        return new Situation(new Plan(timed, plan.design(), plan.crew()), new Schedule(assignments), now, keep,
                personIds, taskIds);
    }

    /** Design tasks × units (task id = unit × 1000 + position), the crew by their badges, machines, bays and working days. */
    Plan plan(Run run, List<Signup> crew, Map<String, Integer> machinesBack) {
        long runId = run.id();
        List<BuildTask> design = designs.view(run.designSlug(), run.version()).tasks().tasks();
        List<Bay> bays = equipment.bays().stream().filter(b -> run.bays().isEmpty() || run.bays().contains(b.code())).toList();
        if (bays.isEmpty()) {
            throw new ConflictException("The chapter has no bays to build in.");
        }
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < design.size(); k++) {
            index.put(design.get(k).code(), k + 1);
        }
        List<Task> tasks = new ArrayList<>();
        for (int u = 1; u <= run.quantity(); u++) {
            String bay = bays.get((u - 1) % bays.size()).code();
            for (int k = 0; k < design.size(); k++) {
                BuildTask t = design.get(k);
                int unit = u;
                List<Integer> preds = t.predecessors().stream().map(p -> unit * 1000 + index.get(p)).toList();
                List<Requirement> people = t.skills().stream().map(s -> new Requirement(s.skill(), s.level(), s.people())).toList();
                tasks.add(new Task(u * 1000 + k + 1, "unit " + u + ": " + t.name(), t.minutes(), preds, people, t.machines(), bay, true));
            }
        }
        List<Person> people = new ArrayList<>();
        for (int q = 0; q < crew.size(); q++) {
            Map<String, Integer> skills = new HashMap<>();
            for (Badge b : merit.badgesOf(crew.get(q).memberId())) {
                if (b.validAt(merit.now())) {
                    skills.merge(b.skill(), b.level(), Math::max);
                }
            }
            people.add(new Person(q + 1, crew.get(q).publicId(), skills, List.of()));
        }
        List<MachineType> machines = new ArrayList<>();
        Map<String, Integer> inService = new TreeMap<>(equipment.inServiceByType());
        machinesBack.forEach((type, count) -> inService.merge(type, count, Integer::sum)); // the replanner takes them out itself
        inService.forEach((type, count) -> machines.add(new MachineType(type, count)));
        List<microfactory.scheduling.Bay> spaces = bays.stream().map(b -> new microfactory.scheduling.Bay(b.code(), 2)).toList();
        List<Window> days = new ArrayList<>();
        for (int d = 0; d < run.days(); d++) {
            days.add(new Window(d * 1440 + run.dayStart(), d * 1440 + run.dayEnd()));
        }
        // Members' bookings, maintenance windows and other builds hold machines as outages (out-of-service ones are left out above).
        Instant from = run.at(0, chapter.zone());
        Instant to = run.at(run.days() * 1440, chapter.zone());
        List<HeldSlot> held = new ArrayList<>(machineBookings.downtime(from, to));
        held.addAll(buildUses.heldByBuilds(from, to, runId));
        List<Outage> outages = RunOutages.of(run, chapter.zone(), held, inService);
        Project project = new Project(run.designSlug() + " run " + runId, tasks, people, machines, spaces, days, outages);
        return new Plan(project, design, crew);
    }
}
