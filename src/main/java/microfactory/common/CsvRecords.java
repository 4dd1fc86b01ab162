package microfactory.common;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * CSV as people's files have it, read by jackson-dataformat-csv: quoted fields with separators, doubled quotes and line
 * breaks inside, comma, semicolon or tab separated. Each record keeps the line it starts on, for messages.
 */
public final class CsvRecords {

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();

    /** A record and the line it starts on (1 is the first line of the file). */
    public record Record(int line, List<String> fields) {

        public boolean blank() {
            return fields.stream().allMatch(f -> f == null || f.isBlank());
        }
    }

    private CsvRecords() {
    }

    /** Every record; a malformed file (an unclosed quote) is an {@link IllegalArgumentException} naming its line. */
    public static List<Record> read(String text, char separator) {
        List<Record> records = new ArrayList<>();
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator).withQuoteChar('"').withoutEscapeChar();
        try (MappingIterator<String[]> rows = CSV.readerFor(String[].class).with(schema).readValues(text)) {
            while (true) {
                int line = rows.hasNextValue() ? (int) rows.currentLocation().getLineNr() : -1;
                if (line < 0) {
                    break;
                }
                String[] row = rows.nextValue();
                records.add(new Record(line, List.of(row).stream().map(f -> f == null ? "" : f).toList()));
            }
        } catch (JacksonException e) {
            int at = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new IllegalArgumentException("line " + at + ": not readable CSV (" + e.getOriginalMessage() + ")");
        }
        return records;
    }

    /** Rows as RFC 4180 CSV (comma separated, quoted where a field needs it, CRLF line ends), the header first. */
    public static String write(List<String> header, List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        CsvSchema schema = CsvSchema.emptySchema().withLineSeparator("\r\n");
        return CSV.writer(schema).writeValueAsString(all);
    }

    /** The separator a header line uses: a tab, else a semicolon when there is no comma, else a comma. */
    public static char separatorOf(String headerLine) {
        if (headerLine.indexOf('\t') >= 0) {
            return '\t';
        }
        return headerLine.indexOf(';') >= 0 && headerLine.indexOf(',') < 0 ? ';' : ',';
    }
}
