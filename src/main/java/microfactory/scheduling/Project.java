package microfactory.scheduling;

import java.util.List;

/**
 * Everything the scheduler needs: tasks, people, machines, bays, and the working windows tasks must fit
 * in (empty: time runs continuously). Time is in whole units (minutes for a swarm build, periods for PSPLIB).
 */
public record Project(String name, List<Task> tasks, List<Person> people, List<MachineType> machines, List<Bay> bays,
                      List<Window> workingWindows, List<Outage> outages) {

    public Project(String name, List<Task> tasks, List<Person> people, List<MachineType> machines, List<Bay> bays,
                   List<Window> workingWindows) {
        this(name, tasks, people, machines, bays, workingWindows, List.of());
    }

    public Project {
        outages = List.copyOf(outages);
        tasks = List.copyOf(tasks);
        people = List.copyOf(people);
        machines = List.copyOf(machines);
        bays = List.copyOf(bays);
        workingWindows = List.copyOf(workingWindows);
    }
}
