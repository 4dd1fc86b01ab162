package microfactory.materials;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why stock moved. In: a receipt (bought), a return (back from a run), recycled stock (from scrap or an end-of-life
 * unit, with its yield), a run's output (materials production). Out: an issue (to a run or a repair), scrap. A count
 * sets the quantity counted at a location.
 */
public enum MoveKind {
    RECEIPT(1), ISSUE(-1), RETURN(1), SCRAP(-1), RECYCLE(1), PRODUCE(1), COUNT(0);

    private final int sign;

    MoveKind(int sign) {
        this.sign = sign;
    }

    /** +1 adds to stock, -1 takes from it, 0 sets it (a count). */
    public int sign() {
        return sign;
    }

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MoveKind> of(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toUpperCase(Locale.ROOT);
        if (t.equals("ADJUST") || t.equals("ADJUSTMENT")) {
            return Optional.of(COUNT);
        }
        for (MoveKind k : values()) {
            if (k.name().equals(t)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
