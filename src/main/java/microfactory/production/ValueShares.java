package microfactory.production;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a unit's value among its builders in proportion to the minutes each worked on its tasks. Shares are whole
 * minor units that add up to the value exactly (largest remainder; ties to the earlier builder, so the split is the
 * same every time).
 */
final class ValueShares {

    /** One builder's share: minutes worked on the unit and the value that earns. */
    record Share(String member, int minutes, long valueMinor) {
    }

    private ValueShares() {
    }

    /**
     * Minutes each person worked on the unit: a task's real duration when it was started and finished, else its planned
     * length (a task ticked off in one go was still worked), counted for each builder on it.
     */
    static Map<String, Integer> minutesWorked(List<RunTask> unitTasks) {
        Map<String, Integer> minutes = new LinkedHashMap<>();
        for (RunTask t : unitTasks) {
            int worked = t.minutes();
            if (t.startedAt() != null && t.finishedAt() != null) {
                long real = (t.finishedAt().toEpochMilli() - t.startedAt().toEpochMilli()) / 60_000;
                worked = real > 0 ? (int) Math.min(real, Integer.MAX_VALUE) : worked;
            }
            for (String person : t.people()) {
                minutes.merge(person, worked, Integer::sum);
            }
        }
        return minutes;
    }

    static List<Share> split(long valueMinor, Map<String, Integer> minutes) {
        long total = minutes.values().stream().mapToLong(Integer::longValue).sum();
        List<String> people = new ArrayList<>(minutes.keySet());
        if (total == 0) {
            return people.stream().map(p -> new Share(p, 0, 0)).toList();
        }
        long[] value = new long[people.size()];
        long[] remainder = new long[people.size()];
        long given = 0;
        for (int i = 0; i < people.size(); i++) {
            long m = minutes.get(people.get(i));
            long product = Math.multiplyExact(valueMinor, m); // a billion dollars × a year of minutes still fits
            value[i] = product / total;
            remainder[i] = product % total;
            given += value[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingLong((Integer i) -> -remainder[i]).thenComparingInt(i -> i));
        for (int k = 0; given < valueMinor; k = (k + 1) % order.size()) {
            value[order.get(k)]++;
            given++;
        }
        List<Share> shares = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            shares.add(new Share(people.get(i), minutes.get(people.get(i)), value[i]));
        }
        return shares;
    }
}
