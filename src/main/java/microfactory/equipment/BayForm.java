package microfactory.equipment;

import microfactory.common.InvalidInputException;

/** The bay form as people fill it in; {@link #toEdit} names a number it cannot read. */
public record BayForm(String code, String name, String kind, String areaM2, String description) {

    static BayForm blank() {
        return new BayForm("", "", "", "", "");
    }

    static BayForm of(Bay b) {
        return new BayForm(b.code(), b.name(), b.kind(), Integer.toString(b.areaM2()), b.description());
    }

    BayEdit toEdit() {
        return new BayEdit(code, name, kind, FormNumbers.integer(areaM2, "areaM2", "a whole number of square metres, such as 160"),
                description);
    }

    /** Reads the numbers of equipment forms, or refuses naming the field. */
    static final class FormNumbers {
        private FormNumbers() {
        }

        static Integer integer(String text, String field, String ask) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return Integer.valueOf(text.strip());
            } catch (NumberFormatException e) {
                throw InvalidInputException.of(field, ask);
            }
        }
    }
}
