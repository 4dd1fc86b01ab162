package microfactory.equipment;

import microfactory.common.InvalidInputException;
import microfactory.common.Money;

/** The machine form as people fill it in: the hourly rate in the chapter's currency, like 40 or 12.50. */
public record MachineForm(String code, String name, String type, String bayCode, String count, String skill, String level,
                          String hourlyRate) {

    static MachineForm blank() {
        return new MachineForm("", "", "", "", "1", "safety", "1", "");
    }

    static MachineForm of(Machine m, String currency) {
        return new MachineForm(m.code(), m.name(), m.type(), m.bayCode() == null ? "" : m.bayCode(), Integer.toString(m.count()),
                m.skill(), Integer.toString(m.level()), m.hourlyRateMinor() == null ? "" : Money.of(m.hourlyRateMinor(), currency).plain());
    }

    MachineEdit toEdit(String currency) {
        Long rate = null;
        if (hourlyRate != null && !hourlyRate.isBlank()) {
            rate = Money.parseMinor(hourlyRate, currency).orElseThrow(() -> InvalidInputException.of("hourlyRate",
                    "an amount such as 40 or 12.50, or empty when using it is free"));
        }
        return new MachineEdit(code, name, type, bayCode, BayForm.FormNumbers.integer(count, "count", "a whole number, such as 6"),
                skill, BayForm.FormNumbers.integer(level, "level", "a level from 1 to 5"), rate);
    }
}
