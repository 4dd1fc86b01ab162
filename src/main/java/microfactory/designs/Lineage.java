package microfactory.designs;

/** Where a design came from, or what came from it: "every build is a fork". */
public record Lineage(String slug, String name, String versionLabel) {
}
