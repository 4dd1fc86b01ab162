package microfactory.chapter;

import microfactory.common.SignUpMode;

/**
 * The chapter's settings as an admin edits them (settings page, {@code PUT /api/v1/chapter}). Through the API a field
 * left out keeps its value ({@link #over}); the page sends every field, and an empty target clears it.
 */
public record ChapterEdit(String name, String site, String region, String mission, String timeZone, String publicUrl,
                          String currency, Long startUpCapitalMinor, Long productionPerDayMinor,
                          Integer buildsPerBayPerYear, Long hourlyValueMinor,
                         SignUpMode signUpMode) {

    /** This edit with the fields it leaves out taken from the chapter as it is. */
    public ChapterEdit over(Chapter c) {
        return new ChapterEdit(name == null ? c.name() : name, site == null ? c.site() : site,
                region == null ? c.region() : region, mission == null ? c.mission() : mission,
                timeZone == null ? c.timeZone() : timeZone, publicUrl == null ? c.publicUrl() : publicUrl,
                currency == null ? c.currency() : currency,
                startUpCapitalMinor == null ? c.startUpCapitalMinor() : startUpCapitalMinor,
                productionPerDayMinor == null ? c.productionPerDayMinor() : productionPerDayMinor,
                buildsPerBayPerYear == null ? c.buildsPerBayPerYear() : buildsPerBayPerYear,
                hourlyValueMinor == null ? c.hourlyValueMinor() : hourlyValueMinor,
                signUpMode == null ? c.signUpMode() : signUpMode);
    }
}
