package microfactory.learning;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The modules every chapter starts with, demo or not: shop safety, and the route to the quality badge, because a built
 * unit passes QC only when a holder of that badge signs its final inspection. Theory modules, so a new chapter's first
 * members can earn them without a mentor who already holds the badge.
 */
@Component
class StarterCurriculum {

    private final LearningRepository learning;

    StarterCurriculum(LearningRepository learning) {
        this.learning = learning;
    }

    /** Adds the starter modules the curriculum does not have yet (by code); the standard tracks must exist. */
    void add() {
        if (absent("shop-safety")) {
            long safety = module("shop-safety", "know-how", "Shop safety", "safety", 1, 12, List.of(), """
                    # Safe in the shop
                    Every build starts safe. Wear **eye protection** in every bay, and hearing protection near the torch table.
                    - Know where the fire extinguishers and the first-aid kit are.
                    - Never work alone on heavy machinery.
                    - Lock out a machine before you reach into it.
                    """);
            choice(safety, 1, "When must you wear eye protection?", 1, "Only when welding", "In every bay", "Only outdoors");
            choice(safety, 2, "Before reaching into a machine you…", 0, "lock it out", "switch it to slow", "ask a friend to watch");
        }
        if (absent("quality-checks")) {
            long qc1 = module("quality-checks", "know-how", "Quality checks on the line", "quality", 1, 20, List.of("shop-safety"), """
                    # Checking as you build
                    Every build task ends with its checks. Measure, do not guess; write what you measured in the note; a failed check
                    stops the unit until it is put right.
                    """);
            choice(qc1, 1, "A check fails. You…", 1, "pass it and tell someone later", "record the failure and stop the unit",
                    "measure again until it passes");
        }
        if (absent("final-inspection")) {
            long qc2 = module("final-inspection", "know-how", "Final inspection", "quality", 2, 30, List.of("quality-checks"), """
                    # Signing a unit off
                    The final inspection reads the unit's whole quality record, re-measures what the design's standards name, and
                    runs the unit. Your signature goes on the public ledger with your pseudonym: sign only what you checked.
                    """);
            choice(qc2, 1, "Your final inspection is published…", 0, "on the public ledger, by pseudonym", "nowhere", "with your full name");
        }
    }

    private boolean absent(String code) {
        return learning.module(code).isEmpty();
    }

    private long module(String code, String track, String title, String skill, int level, int minutes, List<String> prerequisites,
                        String lesson) {
        return learning.insertModule(code, track, title, skill, level, minutes, lesson.strip(), 60, false, prerequisites);
    }

    private void choice(long module, int seq, String prompt, int answer, String... choices) {
        learning.insertQuestion(module, seq, "CHOICE", prompt, List.of(choices), BigDecimal.valueOf(answer), BigDecimal.ZERO);
    }
}
