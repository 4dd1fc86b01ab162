package microfactory.chapter;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import microfactory.common.FieldProblem;

/**
 * The rules a chapter's facts follow, shared by the set-up (page and command line) and the settings page: a known
 * ISO 4217 currency, a named time zone, an absolute http(s) public URL.
 */
final class ChapterRules {

    static final String DEFAULT_MISSION = "A community factory where members learn, earn merit and build.";

    private ChapterRules() {
    }

    static Optional<String> currencyProblem(String code) {
        if (code == null || !code.strip().toUpperCase(Locale.ROOT).matches("[A-Z]{3}")) {
            return Optional.of("use a three-letter ISO 4217 code such as USD, EUR or NGN");
        }
        try {
            Currency.getInstance(code.strip().toUpperCase(Locale.ROOT));
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("'" + code.strip() + "' is not an ISO 4217 currency; use a code such as USD, EUR or NGN");
        }
    }

    static Optional<String> zoneProblem(String zone) {
        if (zone == null || zone.isBlank()) {
            return Optional.of("name the chapter's time zone, such as Africa/Lagos or America/Chicago");
        }
        try {
            ZoneId id = ZoneId.of(zone.strip());
            if (!zone.strip().equals("UTC") && !zone.contains("/")) {
                return Optional.of("use a zone name such as Europe/Berlin rather than an offset, so summer time is right");
            }
            return id.getId().isEmpty() ? Optional.of("unknown time zone") : Optional.empty();
        } catch (DateTimeException e) {
            return Optional.of("'" + zone.strip() + "' is not a time zone; use a name such as Africa/Lagos or America/Chicago");
        }
    }

    /** An absolute http or https URL of a host, with no query, fragment or credentials. */
    static Optional<String> urlProblem(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("give the address people will use to reach the chapter, such as https://lagos.microfactory.org");
        }
        try {
            URI uri = new URI(url.strip());
            if (uri.getScheme() == null || !List.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))
                    || uri.getHost() == null) {
                return Optional.of("use a full address starting with https:// (or http://), such as https://lagos.microfactory.org");
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                return Optional.of("use the chapter's base address, without ?query, #fragment or user name");
            }
            if (url.strip().length() > 300) {
                return Optional.of("use at most 300 characters");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("'" + url.strip() + "' is not a valid address: " + e.getReason());
        }
    }

    static String normaliseUrl(String url) {
        return url.strip().replaceAll("/+$", "");
    }

    static String normaliseCurrency(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * The ledger's origin (C2SP: a schema-less URL), from the public URL: https://lagos.microfactory.org becomes
     * lagos.microfactory.org/ledger. Fixed forever once the key is made.
     */
    static String origin(String publicUrl) {
        URI uri = URI.create(normaliseUrl(publicUrl));
        String host = uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return host + path + "/ledger";
    }

    /** Text fields: required ones not blank, none longer than its column. */
    static void text(List<FieldProblem> problems, String field, String value, int max, boolean required, String ask) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(new FieldProblem(field, ask));
            }
        } else if (value.strip().length() > max) {
            problems.add(new FieldProblem(field, "use at most " + max + " characters"));
        }
    }

    static void positive(List<FieldProblem> problems, String field, Number value) {
        if (value != null && value.longValue() <= 0) {
            problems.add(new FieldProblem(field, "must be more than zero, or left empty when not known yet"));
        }
    }
}
