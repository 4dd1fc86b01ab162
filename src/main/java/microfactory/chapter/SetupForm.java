package microfactory.chapter;

/** The set-up page's fields: the one-time token, the chapter's facts and its first administrator. */
public record SetupForm(String token, String name, String currency, String timeZone, String publicUrl, String site,
                        String region, String adminEmail, String adminName, String adminPassword) {

    Founding founding() {
        return new Founding(name, currency, timeZone, publicUrl, site, region, adminEmail, adminName, adminPassword);
    }

    /** The form to show again: never the password or the token typed. */
    SetupForm withoutSecrets() {
        return new SetupForm("", name, currency, timeZone, publicUrl, site, region, adminEmail, adminName, "");
    }
}
