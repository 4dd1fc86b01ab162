package microfactory.designs;

import java.util.Set;

/**
 * The skills the chapter teaches and the machine types it knows, for checking build tasks. Fixed here
 * until the learning and equipment features own them.
 */
public final class Vocabulary {

    public static final Set<String> SKILLS = Set.of("safety", "welding", "cnc", "hydraulics", "assembly", "electrical",
            "3d-printing", "masonry", "woodworking", "machining", "painting", "solar", "plumbing", "ceb-press");

    public static final Set<String> MACHINES = Set.of("torch-table", "welder", "robot-arm", "hoist", "crimper", "paint-booth",
            "3d-printer", "ceb-press", "lathe", "mill", "drill-press", "table-saw", "cnc-router", "laminator", "mixer",
            "soil-sifter", "multimeter");

    private Vocabulary() {
    }
}
