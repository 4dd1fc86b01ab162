package microfactory.equipment;

/**
 * Machines of one kind in one place; out of service they are never scheduled. Using one needs {@code skill} ≥
 * {@code level}. {@code hourlyRateMinor}: what an hour costs, in the chapter's currency (null: not charged).
 * {@code unitSerial}: the unit it was built as, when the chapter built it itself (null: bought).
 */
public record Machine(long id, String code, String name, String type, int count, String bayCode, boolean inService,
                      String statusReason, String skill, int level, Long hourlyRateMinor, String unitSerial) {
}
