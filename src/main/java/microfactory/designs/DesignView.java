package microfactory.designs;

import java.util.List;

import microfactory.designs.bom.Bom;

/** A design as its page shows it: the latest version's BOM and tasks, versions, and its lineage both ways. */
public record DesignView(Design design, DesignVersion version, List<DesignVersion> versions, Bom bom, TaskGraph tasks,
                         Lineage forkedFrom, List<Lineage> forks) {
}
