package microfactory.chapter;

/**
 * What a new chapter is founded with, from {@code chapter init} or the set-up page: its identity, time zone and public
 * address, and its first administrator.
 */
public record Founding(String name, String currency, String timeZone, String publicUrl, String site, String region,
                       String adminEmail, String adminName, String adminPassword) {

    @Override
    public String toString() {
        return "Founding[" + name + ", " + currency + ", " + timeZone + ", " + publicUrl + ", " + adminEmail + "]";
    }
}
