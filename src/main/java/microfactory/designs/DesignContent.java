package microfactory.designs;

import java.util.List;

import microfactory.designs.bom.BomLine;

/** Everything a design version holds, independent of storage: what import reads and export writes. */
public record DesignContent(String name, String function, String licence, String licensor, String repo, String version,
                            List<BomLine> lines, List<BuildTask> tasks) {
}
