package microfactory.equipment;

import java.util.List;

/** A machine's status over time, its faults, and the share of the last 30 days it was in service. */
public record MachineHistory(String machine, boolean inService, String statusReason, double uptime30dPercent,
                             List<StatusEvent> events, List<Fault> faults) {
}
