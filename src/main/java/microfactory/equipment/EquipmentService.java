package microfactory.equipment;

import java.util.List;

import org.springframework.stereotype.Service;

import microfactory.common.NotFoundException;

/** The factory floor: bays now; machines, status and maintenance come with the production issue. */
@Service
public class EquipmentService {

    private final BayRepository bays;

    EquipmentService(BayRepository bays) {
        this.bays = bays;
    }

    public List<Bay> bays() {
        return bays.all();
    }

    public Bay bay(String code) {
        return bays.findByCode(code).orElseThrow(() -> new NotFoundException("bay", code));
    }

    void addBay(String code, String name, String kind, int areaM2, String description) {
        bays.insert(code, name, kind, areaM2, description);
    }
}
