package microfactory.designs.bom;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;


/**
 * A design read from a file, for {@code design inspect} and import: an OKH-LOSH {@code okh.toml} (and the
 * BOM it links), an OKH v1 {@code okh.yml}, or a CSV/TSV bill of materials on its own.
 */
public record DesignFile(String name, String version, String license, Bom bom, List<BomProblem> problems, List<String> mapped) {

    /** How deep and how many files a manifest's folder is searched for a BOM that is not where the manifest says. */
    private static final int SEARCH_DEPTH = 8;
    private static final int SEARCH_FILES = 20_000;

    public static DesignFile read(Path path) throws IOException {
        String file = path.getFileName().toString();
        String text = Files.readString(path, StandardCharsets.UTF_8);
        List<BomProblem> problems = new ArrayList<>();
        if (file.endsWith(".toml") || file.endsWith(".yml") || file.endsWith(".yaml")) {
            OkhManifest okh = OkhManifest.read(file, text);
            problems.addAll(okh.problems());
            if (okh.name() == null && !okh.problems().isEmpty() && okh.licence() == null) {
                return new DesignFile(null, null, null, null, problems, okh.mapped());
            }
            Spdx.problem(okh.licence()).ifPresent(p -> problems.add(new BomProblem(file, 0, "license: " + p)));
            String name = okh.name() == null ? file : okh.name();
            Bom bom = null;
            if (okh.bom() != null) {
                Path folder = path.toAbsolutePath().getParent();
                String direct = OkhManifest.normalise(okh.bom().strip().replace('\\', '/').replaceFirst("^/+", ""));
                String found = direct != null && Files.isRegularFile(folder.resolve(direct)) ? OkhManifest.resolve(okh.bom(), "", List.of(direct),
                        okh.mapped()) : OkhManifest.resolve(okh.bom(), "", files(folder), okh.mapped());
                if (found != null) {
                    bom = csv(folder.resolve(found), name, problems, okh);
                } else {
                    problems.add(new BomProblem(file, 0, "the linked BOM '" + okh.bom() + "' is not in the manifest's folder"));
                }
            } else if (!okh.parts().isEmpty()) {
                bom = Bom.of(file, name, okh.withParts(List.of()), problems);
            }
            return new DesignFile(name, okh.version(), okh.licence(), bom, problems, okh.mapped());
        }
        String name = file.replaceAll("\\.[^.]+$", "");
        if (file.endsWith(".md")) {
            String title = MarkdownBomReader.title(text, name);
            CsvBomReader.Read read = MarkdownBomReader.read(file, text);
            problems.addAll(read.problems());
            return new DesignFile(title, null, null, Bom.of(file, title, read.lines(), problems), problems, read.mapped());
        }
        CsvBomReader.Read read = CsvBomReader.read(file, text);
        problems.addAll(read.problems());
        return new DesignFile(name, null, null, Bom.of(file, name, read.lines(), problems), problems, read.mapped());
    }

    /** Every file under the manifest's folder, as paths relative to it (bounded: a manifest sits in a repository, not a disk). */
    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder, SEARCH_DEPTH)) {
            return walk.filter(Files::isRegularFile).limit(SEARCH_FILES).map(p -> folder.relativize(p).toString().replace('\\', '/')).toList();
        }
    }

    private static Bom csv(Path path, String root, List<BomProblem> problems, OkhManifest okh) throws IOException {
        String file = path.getFileName().toString();
        String text = Files.readString(path, StandardCharsets.UTF_8);
        CsvBomReader.Read read = file.endsWith(".md") ? MarkdownBomReader.read(file, text) : CsvBomReader.read(file, text);
        problems.addAll(read.problems());
        read.mapped().forEach(m -> okh.mapped().add(file + ": " + m));
        return Bom.of(file, root, okh.withParts(read.lines()), problems);
    }
}
