package microfactory.designs;

/** A build task needs {@code people} people with {@code skill} at {@code level} or above. */
public record SkillNeed(String skill, int level, int people) {

    /** "welding:2x1" → welding at level 2, one person. */
    static SkillNeed parse(String text) {
        String[] skillAndRest = text.strip().split(":");
        if (skillAndRest.length != 2) {
            throw new IllegalArgumentException("'" + text + "' should read skill:level x people, e.g. welding:2x1");
        }
        String[] levelAndPeople = skillAndRest[1].split("x");
        try {
            return new SkillNeed(skillAndRest[0].strip(), Integer.parseInt(levelAndPeople[0].strip()),
                    levelAndPeople.length > 1 ? Integer.parseInt(levelAndPeople[1].strip()) : 1);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' should read skill:level x people, e.g. welding:2x1");
        }
    }

    @Override
    public String toString() {
        return skill + ":" + level + "x" + people;
    }
}
