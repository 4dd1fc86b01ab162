package microfactory.equipment;

import java.util.List;

import org.springframework.stereotype.Component;

import microfactory.learning.GatedWork;

/** Each machine needs a badge: the learning pages list them among what a member's badges unlock. */
@Component
class MachineGates implements GatedWork {

    private final EquipmentService equipment;

    MachineGates(EquipmentService equipment) {
        this.equipment = equipment;
    }

    @Override
    public List<Gated> gated() {
        return equipment.machines().stream()
            .map(m -> new Gated("machine", m.name(), "/equipment/machines/" + m.code(), m.skill(), m.level())).toList();
    }
}
