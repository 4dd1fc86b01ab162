package microfactory.learning;

import java.util.List;

/** "May this member do X?" — and if not, the modules that would qualify them. */
public record Gate(String skill, int level, boolean allowed, int heldLevel, List<Module> qualifyingModules) {
}
