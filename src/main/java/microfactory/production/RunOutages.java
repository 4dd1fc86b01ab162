package microfactory.production;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import microfactory.equipment.HeldSlot;
import microfactory.scheduling.Outage;
import microfactory.scheduling.Window;

/**
 * Members' bookings and maintenance windows as the scheduler's outages, in run minutes. Overlapping downtime of one
 * machine type adds up but never beyond the units in service (a machine cannot be less than unavailable), so the
 * feasibility check's capacity sweep holds even where bookings of several machines meet.
 */
final class RunOutages {

    private RunOutages() {
    }

    static List<Outage> of(Run run, ZoneId zone, List<HeldSlot> held, Map<String, Integer> inService) {
        int horizon = run.days() * 1440;
        Map<String, TreeMap<Integer, Integer>> deltas = new HashMap<>();
        for (HeldSlot d : held) {
            int from = (int) Math.max(0, Math.min(horizon, run.minuteAt(d.start(), zone)));
            int to = (int) Math.max(0, Math.min(horizon, run.minuteAt(d.end(), zone)));
            if (to > from && inService.containsKey(d.machineType())) {
                TreeMap<Integer, Integer> level = deltas.computeIfAbsent(d.machineType(), t -> new TreeMap<>());
                level.merge(from, d.units(), Integer::sum);
                level.merge(to, -d.units(), Integer::sum);
            }
        }
        List<Outage> outages = new ArrayList<>();
        new TreeMap<>(deltas).forEach((type, changes) -> {
            int cap = inService.get(type);
            int level = 0;
            Integer since = null;
            for (Map.Entry<Integer, Integer> e : changes.entrySet()) {
                if (since != null && level > 0) {
                    outages.add(new Outage(type, Math.min(cap, level), new Window(since, e.getKey())));
                }
                level += e.getValue();
                since = e.getKey();
            }
        });
        return outages;
    }
}
