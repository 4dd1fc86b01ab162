package microfactory.equipment;

/**
 * Published (inside the status change's transaction) when a machine goes out of service or comes back, so features
 * that plan with machines can react without equipment knowing them.
 */
public record MachineStatusChanged(Machine machine, boolean wasInService) {
}
