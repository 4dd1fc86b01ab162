package microfactory.scheduling;

import java.util.List;
import java.util.Map;

/** Someone who can work: skills by level, and when they are there (empty: always). */
public record Person(int id, String name, Map<String, Integer> skills, List<Window> availability) {

    public Person {
        skills = Map.copyOf(skills);
        availability = List.copyOf(availability);
    }

    public boolean qualifiedFor(Requirement r) {
        return skills.getOrDefault(r.skill(), -1) >= r.minLevel();
    }
}
