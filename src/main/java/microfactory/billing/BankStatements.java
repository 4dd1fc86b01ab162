package microfactory.billing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import microfactory.common.CsvRecords;
import microfactory.common.InvalidInputException;
import microfactory.common.Money;

/**
 * Reads a bank statement file: ISO 20022 camt.053 (BkToCstmrStmt, any version: entries are read by element name) or
 * CSV with a header naming its columns (date, amount, and optionally currency, reference, name — in the words banks
 * use). A file that is neither, or any line that cannot be read, is refused naming the line: nothing is imported.
 */
final class BankStatements {

    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("dd.MM.yyyy"), DateTimeFormatter.ofPattern("d/M/yyyy"), DateTimeFormatter.ofPattern("yyyyMMdd"));
    private static final Map<String, List<String>> COLUMNS = Map.of(
            "date", List.of("date", "booking date", "booked on", "booked", "buchungstag", "transaction date", "value date", "valuta"),
            "amount", List.of("amount", "betrag", "credit", "value", "sum"),
            "currency", List.of("currency", "ccy", "währung", "waehrung"),
            "reference", List.of("reference", "remittance", "remittance information", "description", "purpose", "memo",
                    "verwendungszweck", "details", "narrative"),
            "name", List.of("name", "counterparty", "payer", "debtor", "from", "beneficiary / payer", "auftraggeber"));

    private BankStatements() {
    }

    static List<BankLine> read(byte[] file, String defaultCurrency) {
        String text = new String(file, StandardCharsets.UTF_8).replace("\uFEFF", "");
        String head = text.stripLeading();
        if (head.startsWith("<")) {
            return camt053(file);
        }
        if (head.isEmpty()) {
            throw InvalidInputException.of("file", "the file is empty: send a camt.053 XML statement or a CSV export");
        }
        return csv(text, defaultCurrency);
    }

    // ---- CSV ----

    private static List<BankLine> csv(String text, String defaultCurrency) {
        String firstLine = text.lines().findFirst().orElse("");
        List<CsvRecords.Record> records;
        try {
            records = CsvRecords.read(text, CsvRecords.separatorOf(firstLine));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("file", e.getMessage());
        }
        if (records.isEmpty()) {
            throw InvalidInputException.of("file", "the file is empty: send a camt.053 XML statement or a CSV export");
        }
        Map<String, Integer> at = columns(records.get(0).fields());
        if (!at.containsKey("date") || !at.containsKey("amount")) {
            throw InvalidInputException.of("file", "line 1: not a bank statement — a camt.053 XML file, or CSV whose header names at "
                    + "least a date and an amount column (found: " + String.join(", ", records.get(0).fields()) + ")");
        }
        List<BankLine> lines = new ArrayList<>();
        for (CsvRecords.Record r : records.subList(1, records.size())) {
            if (r.blank()) {
                continue;
            }
            String given = field(r, at.get("currency"));
            String currency = given.isBlank() ? defaultCurrency : given.strip().toUpperCase(Locale.ROOT);
            LocalDate day = date(field(r, at.get("date"))).orElseThrow(() -> InvalidInputException.of("file",
                    "line " + r.line() + ": '" + field(r, at.get("date")) + "' is not a date (use 2026-03-31 or 31.03.2026)"));
            Long amount = amount(field(r, at.get("amount")), currency).orElseThrow(() -> InvalidInputException.of("file",
                    "line " + r.line() + ": '" + field(r, at.get("amount")) + "' is not an amount in " + currency));
            lines.add(new BankLine(r.line(), day, amount, currency, field(r, at.get("reference")).strip(),
                    field(r, at.get("name")).strip(), null));
        }
        return lines;
    }

    private static Map<String, Integer> columns(List<String> header) {
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).strip().toLowerCase(Locale.ROOT);
            for (var c : COLUMNS.entrySet()) {
                if (!at.containsKey(c.getKey()) && c.getValue().contains(h)) {
                    at.put(c.getKey(), i);
                }
            }
        }
        return at;
    }

    private static String field(CsvRecords.Record r, Integer index) {
        return index == null || index >= r.fields().size() ? "" : r.fields().get(index);
    }

    private static Optional<LocalDate> date(String text) {
        for (DateTimeFormatter f : DATES) {
            try {
                return Optional.of(LocalDate.parse(text.strip(), f));
            } catch (DateTimeParseException e) {
                // the next format
            }
        }
        return Optional.empty();
    }

    /** "1,234.50", "-20.00", and the decimal comma many European banks write ("1.234,50", "20,00"). */
    private static Optional<Long> amount(String text, String currency) {
        String t = text.strip().replace(" ", "").replace("\u00A0", "");
        int comma = t.lastIndexOf(',');
        int dot = t.lastIndexOf('.');
        if (comma > dot && t.length() - comma - 1 <= 2) {
            t = t.replace(".", "").replace(',', '.');
        }
        boolean negative = t.startsWith("-");
        try {
            return Money.parseMinor(negative ? t.substring(1) : t, currency).map(v -> negative ? -v : v);
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not an ISO 4217 currency
        }
    }

    // ---- camt.053 ----

    /** The parts of an Ntry that matter here, gathered as the reader passes them. */
    private static final class Entry {
        int line;
        String amount;
        String currency;
        String direction;
        String booked;
        String ref;
        StringBuilder remittance = new StringBuilder();
        String debtor;
    }

    private static List<BankLine> camt053(byte[] file) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false); // no entities from outside the file
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        List<BankLine> lines = new ArrayList<>();
        Deque<String> path = new ArrayDeque<>();
        boolean statement = false;
        Entry e = null;
        int line = 1;
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(file));
            while (xml.hasNext()) {
                int event = xml.next();
                line = xml.getLocation().getLineNumber();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    path.push(name);
                    statement |= name.equals("BkToCstmrStmt");
                    if (name.equals("Ntry")) {
                        e = new Entry();
                        e.line = line;
                    } else if (e != null && name.equals("Amt") && path.size() >= 2 && parent(path).equals("Ntry")) {
                        e.currency = xml.getAttributeValue(null, "Ccy");
                    }
                } else if (event == XMLStreamConstants.CHARACTERS && e != null) {
                    text(e, path, xml.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String name = path.pop();
                    if (name.equals("Ntry") && e != null) {
                        lines.add(entry(e));
                        e = null;
                    }
                }
            }
        } catch (XMLStreamException ex) {
            throw InvalidInputException.of("file", "line " + (ex.getLocation() == null ? line : ex.getLocation().getLineNumber())
                    + ": not well-formed XML (" + ex.getMessage().replaceAll("(?s)^.*?Message: ", "") + ")");
        }
        if (!statement) {
            throw InvalidInputException.of("file", "line 1: XML, but not a camt.053 bank statement (no BkToCstmrStmt element)");
        }
        return lines;
    }

    private static String parent(Deque<String> path) {
        var it = path.iterator();
        it.next();
        return it.next();
    }

    private static void text(Entry e, Deque<String> path, String text) {
        if (text.isBlank()) {
            return;
        }
        String name = path.peek();
        String parent = path.size() >= 2 ? parent(path) : "";
        switch (name) {
            case "Amt" -> {
                if (parent.equals("Ntry")) {
                    e.amount = (e.amount == null ? "" : e.amount) + text.strip();
                }
            }
            case "CdtDbtInd" -> {
                if (parent.equals("Ntry")) {
                    e.direction = text.strip();
                }
            }
            case "Dt", "DtTm" -> {
                if (parent.equals("BookgDt") && e.booked == null) {
                    e.booked = text.strip();
                }
            }
            case "AcctSvcrRef" -> {
                if (e.ref == null) {
                    e.ref = text.strip();
                }
            }
            case "Ustrd", "Ref" -> {
                if (path.contains("RmtInf")) {
                    e.remittance.append(e.remittance.isEmpty() ? "" : " ").append(text.strip());
                }
            }
            case "Nm" -> {
                if (path.contains("Dbtr") && e.debtor == null) {
                    e.debtor = text.strip();
                }
            }
            default -> { }
        }
    }

    private static BankLine entry(Entry e) {
        String at = "line " + e.line + ": the entry (Ntry) ";
        if (e.amount == null || e.currency == null) {
            throw InvalidInputException.of("file", at + "has no amount with its currency (Amt Ccy=\"…\")");
        }
        if (!"CRDT".equals(e.direction) && !"DBIT".equals(e.direction)) {
            throw InvalidInputException.of("file", at + "says neither CRDT nor DBIT in CdtDbtInd");
        }
        if (e.booked == null) {
            throw InvalidInputException.of("file", at + "has no booking date (BookgDt)");
        }
        LocalDate day;
        try {
            day = e.booked.length() > 10 ? OffsetDateTime.parse(e.booked).toLocalDate() : LocalDate.parse(e.booked);
        } catch (DateTimeParseException ex) {
            throw InvalidInputException.of("file", at + "has a booking date that is not a date: " + e.booked);
        }
        Long minor = amount(e.amount, e.currency).orElseThrow(() -> InvalidInputException.of("file",
                at + "has an amount that is not one in " + e.currency + ": " + e.amount));
        return new BankLine(e.line, day, "DBIT".equals(e.direction) ? -minor : minor, e.currency, e.remittance.toString(),
                e.debtor == null ? "" : e.debtor, e.ref);
    }
}
