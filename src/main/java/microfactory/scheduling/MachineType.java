package microfactory.scheduling;

/** Machines of one type: how many are in service. In PSPLIB terms, a renewable resource and its capacity. */
public record MachineType(String type, int count) {
}
