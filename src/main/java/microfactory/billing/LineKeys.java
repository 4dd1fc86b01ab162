package microfactory.billing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What identifies a bank line across imports, and the invoice reference a payer wrote in its text. */
final class LineKeys {

    private static final Pattern REFERENCE = Pattern.compile("\\bMF-?\\s?([0-9]{1,12})\\b", Pattern.CASE_INSENSITIVE);

    private LineKeys() {
    }

    /**
     * The bank's own id for the line when it has one; else its day, amount, currency, text and payer — with a count, so two
     * equal lines in one file stay two ({@code earlier}: keys of the file's lines before this one).
     */
    static String of(BankLine line, List<String> earlier) {
        String base = line.bankRef() != null && !line.bankRef().isBlank() ? "ref|" + line.bankRef()
                : String.join("|", line.bookedOn().toString(), Long.toString(line.amountMinor()), line.currency(), line.reference(),
                        line.counterparty());
        String key = sha256(base);
        int n = 1;
        while (earlier.contains(key)) {
            key = sha256(base + "|" + ++n);
        }
        return key;
    }

    static Optional<String> invoiceReference(String text) {
        Matcher m = REFERENCE.matcher(text == null ? "" : text);
        return m.find() ? Optional.of("MF-" + m.group(1)) : Optional.empty();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
