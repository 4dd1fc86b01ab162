package microfactory.materials;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a material is, as a microfactory groups its stock (and reports its circularity). */
public enum MaterialClass {
    STEEL, ALUMINIUM, CONCRETE, EARTH, LUMBER, PLASTIC, ELECTRONICS, HYDRAULICS, FASTENERS, OTHER;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** From how people and BOMs name it: "steel", "Mild steel", "HDPE", "plywood", "aluminum"…; empty when unknown. */
    public static Optional<MaterialClass> of(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (MaterialClass c : values()) {
            if (c.label().equals(t)) {
                return Optional.of(c);
            }
        }
        if (t.contains("steel") || t.contains("iron") || t.contains("metal")) {
            return Optional.of(STEEL);
        }
        if (t.contains("alumin")) {
            return Optional.of(ALUMINIUM);
        }
        if (t.contains("concrete") || t.contains("cement") || t.contains("mortar")) {
            return Optional.of(CONCRETE);
        }
        if (t.contains("soil") || t.contains("earth") || t.contains("clay") || t.contains("sand")) {
            return Optional.of(EARTH);
        }
        if (t.contains("lumber") || t.contains("wood") || t.contains("timber") || t.contains("plywood") || t.contains("osb")) {
            return Optional.of(LUMBER);
        }
        if (t.contains("plastic") || t.contains("hdpe") || t.contains("pla") || t.contains("abs") || t.contains("petg")
                || t.contains("filament") || t.contains("polymer")) {
            return Optional.of(PLASTIC);
        }
        if (t.contains("electr")) {
            return Optional.of(ELECTRONICS);
        }
        if (t.contains("hydraulic") || t.contains("hose")) {
            return Optional.of(HYDRAULICS);
        }
        if (t.contains("fastener") || t.contains("bolt") || t.contains("nut") || t.contains("screw") || t.contains("hardware")) {
            return Optional.of(FASTENERS);
        }
        return Optional.empty();
    }
}
