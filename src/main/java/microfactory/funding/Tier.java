package microfactory.funding;

/**
 * A reward tier: a pledge of at least {@code amountMinor}, while fewer than {@code maxBackers} have taken it (no limit
 * when null), gets the reward when the campaign succeeds: the plan {@code planCode}'s membership when it names one.
 */
public record Tier(long id, String name, long amountMinor, Integer maxBackers, String planCode, long taken) {

    public boolean full() {
        return maxBackers != null && taken >= maxBackers;
    }
}
