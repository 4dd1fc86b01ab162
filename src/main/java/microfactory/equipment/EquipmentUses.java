package microfactory.equipment;

import java.time.Instant;
import java.util.List;

/**
 * What else uses a bay or a machine (production runs, bookings), so equipment can refuse to remove what is in use and
 * say what uses it, without knowing those features. Each answer is a list of uses in words; empty when free.
 */
public interface EquipmentUses {

    List<String> usesOfBay(String bayCode);

    List<String> usesOfMachine(Machine machine);

    /** Units of the machine held between {@code from} and {@code to} (bookings refuse them); none by default. */
    default List<HeldSlot> commitments(Machine machine, Instant from, Instant to) {
        return List.of();
    }
}
