package microfactory.designs.bom;

import java.math.BigDecimal;

/**
 * Numbers as BOMs write them: 12.50, 12,50 (a decimal comma, as semicolon-separated files from European spreadsheets
 * have it), 1,234.50 or 1.234,50 (thousands marks: whichever mark comes last is the decimal one).
 */
final class Decimals {

    private Decimals() {
    }

    /** The number, or null when the text is not one. */
    static BigDecimal parse(String text, char separator) {
        if (text == null) {
            return null;
        }
        String t = text.strip().replace(" ", "").replace("\u00a0", "");
        int comma = t.lastIndexOf(',');
        int dot = t.lastIndexOf('.');
        if (comma >= 0 && dot >= 0) {
            t = comma > dot ? t.replace(".", "").replace(',', '.') : t.replace(",", "");
        } else if (comma >= 0) {
            boolean thousands = separator == ',' && t.indexOf(',') == comma && t.length() - comma - 1 == 3;
            t = thousands ? t.replace(",", "") : t.replace(',', '.');
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
