package microfactory.ledger.report;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@link Economics} as JSON for the command line, written as the API writes it (ISO dates, indented). */
public final class EconomicsJson {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private EconomicsJson() {
    }

    public static String write(Economics economics) {
        return JSON.writeValueAsString(economics);
    }
}
