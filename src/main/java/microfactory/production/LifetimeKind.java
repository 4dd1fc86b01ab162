package microfactory.production;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** What happened to a unit in its life, from being built to its end. */
public enum LifetimeKind {
    BUILT, INSPECTED, OWNER, SOLD, COMMISSIONED, SERVICE, REPAIR, UPGRADE, END_OF_LIFE;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
