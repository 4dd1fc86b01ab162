package microfactory.merit.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Our RDFC-1.0: canonical whatever the input labels and order; a crafted dataset is stopped, not left to explode. */
class Rdfc10Test {

    private static final String KNOWS = "http://xmlns.com/foaf/0.1/knows";
    private static final String NAME = "http://xmlns.com/foaf/0.1/name";
    private static final String STRING = "http://www.w3.org/2001/XMLSchema#string";

    /** Two people who know each other, twice over, each pair in its own graph: ties that need n-degree hashing. */
    private static List<String[]> dataset(String prefix) {
        List<String[]> q = new ArrayList<>();
        for (int pair = 0; pair < 2; pair++) {
            String a = prefix + "a" + pair;
            String b = prefix + "b" + pair;
            String g = prefix + "g" + pair;
            q.add(new String[] {a, KNOWS, b, null, g});
            q.add(new String[] {b, KNOWS, a, null, g});
            q.add(new String[] {a, NAME, "Ada", STRING, g});
        }
        return q;
    }

    private static String canonical(List<String[]> quads) {
        Rdfc10 canon = new Rdfc10();
        quads.forEach(q -> canon.quad(q[0], q[1], q[2], q[3], null, null, q[4]));
        return canon.canonical();
    }

    @Test
    void theOutputDoesNotDependOnBlankNodeLabelsOrQuadOrder() {
        String first = canonical(dataset("_:x"));
        List<String[]> shuffled = dataset("_:other");
        Collections.shuffle(shuffled, new Random(7));
        assertThat(canonical(shuffled)).isEqualTo(first);
        assertThat(first).contains("_:c14n0").doesNotContain("_:x").endsWith(" .\n");
        assertThat(first.lines()).isSorted().hasSize(6);
    }

    @Test
    void aRepeatedQuadCountsOnce() {
        List<String[]> twice = dataset("_:x");
        twice.add(twice.get(0));
        assertThat(canonical(twice)).isEqualTo(canonical(dataset("_:x")));
    }

    @Test
    void aCraftedCliqueOfBlankNodesIsRefusedInsteadOfHashedForever() {
        List<String[]> clique = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            for (int j = 0; j < 12; j++) {
                if (i != j) {
                    clique.add(new String[] {"_:n" + i, KNOWS, "_:n" + j, null, null});
                }
            }
        }
        assertThatThrownBy(() -> canonical(clique)).isInstanceOf(IllegalStateException.class).hasMessageContaining("steps");
    }
}
