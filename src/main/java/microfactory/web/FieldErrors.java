package microfactory.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.validation.BindingResult;

import microfactory.common.InvalidInputException;

/** The messages a form shows beside its fields, keyed by field name. */
public record FieldErrors(Map<String, String> byField) {

    public static final FieldErrors NONE = new FieldErrors(Map.of());

    public static FieldErrors of(InvalidInputException e) {
        return new FieldErrors(e.byField());
    }

    public static FieldErrors of(BindingResult result) {
        Map<String, String> map = new LinkedHashMap<>();
        result.getFieldErrors().forEach(error -> map.putIfAbsent(error.getField(), error.getDefaultMessage()));
        result.getGlobalErrors().forEach(error -> map.putIfAbsent("form", error.getDefaultMessage()));
        return new FieldErrors(map);
    }

    public boolean any() {
        return !byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String get(String field) {
        return byField.getOrDefault(field, "");
    }

    /** The summary above a form: which fields to correct, by name, and that nothing was stored. */
    public String summary() {
        return "Please correct " + String.join(", ", byField.keySet().stream().map(FieldErrors::words).toList())
                + " (marked below); nothing was saved.";
    }

    /** A field's name as words: "adminPassword" → "admin password", "areaM2" → "area m2". */
    static String words(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    public List<String> all() {
        return List.copyOf(byField.values());
    }
}
