package microfactory.production;

import java.util.List;

/** A built unit and its lifetime record: what it is, who built it, who owns it (a pseudonym; null = the chapter). */
public record UnitRecord(Unit unit, Run run, String owner, List<LifetimeEvent> lifetime, UnitQuality quality) {
}
