package microfactory.designs.bom;

import java.util.Locale;
import java.util.Optional;

/** What a BOM line is: an assembly of further lines, a bought part, a part made in the factory, or a standard part. */
public enum PartKind {
    ASSEMBLY, BOUGHT, MADE, STANDARD;

    /** Reads the kinds OKH-LOSH sBoMs and our CSVs use: MOSH/assembly, BUY/bought, POSH/made, STD/standard. */
    public static Optional<PartKind> of(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "ASSEMBLY", "ASM", "MOSH", "MODULE" -> Optional.of(ASSEMBLY);
            case "BOUGHT", "BUY", "PURCHASED" -> Optional.of(BOUGHT);
            case "MADE", "POSH", "MAKE", "FABRICATED" -> Optional.of(MADE);
            case "STANDARD", "STD" -> Optional.of(STANDARD);
            default -> Optional.empty();
        };
    }
}
