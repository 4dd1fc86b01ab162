package microfactory.chapter;

import java.time.LocalDate;
import java.time.ZoneId;

import microfactory.common.SignUpMode;

/**
 * Who this chapter is: one running instance is one community microfactory. {@code publicUrl} is where people reach
 * it; {@code startUpCapitalMinor}, {@code productionPerDayMinor} and {@code buildsPerBayPerYear} are its economic
 * targets, in the chapter's currency, null until its stewards set them; {@code hourlyValueMinor} what an hour of teaching
 * or maintenance counts as in value generated; {@code signUpMode} how newcomers join.
 */
public record Chapter(String name, String site, String region, String currency, LocalDate foundedOn, String mission,
                      String timeZone, String publicUrl, Long startUpCapitalMinor, Long productionPerDayMinor,
                      Integer buildsPerBayPerYear, Long hourlyValueMinor, SignUpMode signUpMode) {

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    Chapter withPublicUrl(String url) {
        return new Chapter(name, site, region, currency, foundedOn, mission, timeZone, url, startUpCapitalMinor,
                productionPerDayMinor, buildsPerBayPerYear, hourlyValueMinor, signUpMode);
    }
}
