package microfactory.equipment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import microfactory.common.KitFiles;
import microfactory.equipment.jobfiles.Envelope;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The factory floor as an enterprise kit carries it: the bay layout and the machine park — types, counts, the badge
 * each needs, work envelopes and speeds, maintenance plans. Hourly rates stay behind (they are in the origin's money);
 * machines arrive in a new chapter out of service until someone has one on the floor.
 */
@Service
public class EquipmentKit {

    static final String FILE = "equipment.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A maintenance plan as the kit lists it. */
    public record KitPlan(String task, Integer everyHours, Integer everyDays, String skill, int level) {
    }

    /** A machine as the kit lists it; {@code envelopeMm} is x, y, z or null. */
    public record KitMachine(String code, String name, String type, String bay, int count, String skill, int level, double[] envelopeMm,
                             Integer rapidMmPerMin, Integer cutMmPerMin, List<KitPlan> maintenance) {
    }

    public record Floor(List<BayEdit> bays, List<KitMachine> machines) {
    }

    private final EquipmentService equipment;
    private final MachineMaintenance maintenance;
    private final JobFiles jobs;

    EquipmentKit(EquipmentService equipment, MachineMaintenance maintenance, JobFiles jobs) {
        this.equipment = equipment;
        this.maintenance = maintenance;
        this.jobs = jobs;
    }

    public Map<String, byte[]> export() {
        List<BayEdit> bays = equipment.bays().stream().map(b -> new BayEdit(b.code(), b.name(), b.kind(), b.areaM2(), b.description())).toList();
        List<KitMachine> machines = new ArrayList<>();
        for (Machine m : equipment.machines()) {
            JobFiles.Settings s = jobs.settings(m.code());
            Envelope e = s.envelope();
            machines.add(new KitMachine(m.code(), m.name(), m.type(), m.bayCode(), m.count(), m.skill(), m.level(),
                    e == null ? null : new double[] {e.xMm(), e.yMm(), e.zMm()}, s.rapidMmPerMin(), s.cutMmPerMin(),
                    maintenance.plans(m.code()).stream().map(p -> new KitPlan(p.task(), p.everyHours(), p.everyDays(), p.skill(), p.level()))
                            .toList()));
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(FILE, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(new Floor(bays, machines)));
        return files;
    }

    /** What a kit holds of the floor, for inspection; empty when it holds none. */
    public static Floor floor(Map<String, byte[]> files) {
        Floor f = KitFiles.read(files, FILE, new TypeReference<Floor>() { }, new Floor(List.of(), List.of()));
        return new Floor(f.bays() == null ? List.of() : f.bays(), f.machines() == null ? List.of() : f.machines());
    }

    /** How many bays and machines a new chapter took. */
    public record Loaded(int bays, int machines) {
    }

    /** Bays and machines not here yet, each machine out of service ("from the kit: not on the floor yet"). */
    @Transactional
    public Loaded load(Map<String, byte[]> files) {
        Floor floor = floor(files);
        int bays = 0;
        for (BayEdit b : floor.bays()) {
            if (equipment.bays().stream().noneMatch(x -> x.code().equals(b.code()))) {
                equipment.addBay(b);
                bays++;
            }
        }
        int machines = 0;
        for (KitMachine m : floor.machines()) {
            if (equipment.machines().stream().anyMatch(x -> x.code().equals(m.code()))) {
                continue;
            }
            equipment.addMachine(new MachineEdit(m.code(), m.name(), m.type(), m.bay(), m.count(), m.skill(), m.level(), null));
            equipment.setStatus(m.code(), false, "from the enterprise kit: not on the floor yet");
            if (m.envelopeMm() != null && m.envelopeMm().length == 3) {
                jobs.setEnvelope(m.code(), (int) Math.round(m.envelopeMm()[0]), (int) Math.round(m.envelopeMm()[1]),
                        (int) Math.round(m.envelopeMm()[2]), m.rapidMmPerMin(), m.cutMmPerMin());
            }
            for (KitPlan p : m.maintenance() == null ? List.<KitPlan>of() : m.maintenance()) {
                maintenance.addPlan(m.code(), p.task(), p.everyHours(), p.everyDays(), p.skill(), p.level());
            }
            machines++;
        }
        return new Loaded(bays, machines);
    }
}
