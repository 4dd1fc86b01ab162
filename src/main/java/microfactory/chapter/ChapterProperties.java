package microfactory.chapter;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The chapter a production instance starts as, before its stewards edit it (microfactory.chapter.*). */
@ConfigurationProperties("microfactory.chapter")
public record ChapterProperties(String name, String site, String region, String currency, String mission) {

    public ChapterProperties {
        name = name == null ? "New Microfactory" : name;
        site = site == null ? "Site to be announced" : site;
        region = region == null ? "" : region;
        currency = currency == null ? "USD" : currency;
        mission = mission == null ? "A community factory where members learn, earn merit and build." : mission;
    }
}
