package microfactory.designs.bom;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.toml.TomlMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A design read from a file, for {@code design inspect} and import: an OKH-LOSH {@code okh.toml} (and the
 * BOM it links), an OKH v1 {@code okh.yml}, or a CSV/TSV bill of materials on its own.
 */
public record DesignFile(String name, String version, String license, Bom bom, List<BomProblem> problems) {

    public static DesignFile read(Path path) throws IOException {
        String file = path.getFileName().toString();
        String text = Files.readString(path, StandardCharsets.UTF_8);
        List<BomProblem> problems = new ArrayList<>();
        if (file.endsWith(".toml")) {
            JsonNode okh;
            try {
                okh = TomlMapper.builder().build().readTree(text);
            } catch (JacksonException e) {
                problems.add(new BomProblem(file, line(e), "malformed TOML: " + e.getOriginalMessage()));
                return new DesignFile(null, null, null, null, problems);
            }
            for (String required : List.of("okhv", "name", "repo", "version", "license", "licensor", "function")) {
                if (!okh.has(required)) {
                    problems.add(new BomProblem(file, 0, "OKH-LOSH requires '" + required + "'"));
                }
            }
            String license = okh.path("license").asString(null);
            Spdx.problem(license).ifPresent(p -> problems.add(new BomProblem(file, 0, "license: " + p)));
            String name = okh.path("name").asString(file);
            Bom bom = null;
            if (okh.has("bom")) {
                Path bomPath = path.resolveSibling(okh.get("bom").asString());
                if (Files.exists(bomPath)) {
                    bom = csv(bomPath, name, problems);
                } else {
                    problems.add(new BomProblem(file, 0, "the linked BOM '" + okh.get("bom").asString() + "' is not beside the manifest"));
                }
            }
            return new DesignFile(name, okh.path("version").asString(null), license, bom, problems);
        }
        if (file.endsWith(".yml") || file.endsWith(".yaml")) {
            JsonNode okh;
            try {
                okh = YAMLMapper.builder().build().readTree(text);
            } catch (JacksonException e) {
                problems.add(new BomProblem(file, line(e), "malformed YAML: " + e.getOriginalMessage()));
                return new DesignFile(null, null, null, null, problems);
            }
            if (okh == null || !okh.has("title")) {
                problems.add(new BomProblem(file, 0, "OKH v1 requires 'title'"));
            }
            JsonNode lic = okh == null ? null : okh.get("license");
            String license = lic == null ? null : lic.isObject() ? lic.path("hardware").asString(null) : lic.asString(null);
            Spdx.problem(license).ifPresent(p -> problems.add(new BomProblem(file, 0, "license: " + p)));
            return new DesignFile(okh == null ? file : okh.path("title").asString(file), okh == null ? null
                    : okh.path("version").asString(null), license, null, problems);
        }
        String name = file.replaceAll("\\.[^.]+$", "");
        if (file.endsWith(".md")) {
            String title = MarkdownBomReader.title(text, name);
            CsvBomReader.Read read = MarkdownBomReader.read(file, text);
            problems.addAll(read.problems());
            return new DesignFile(title, null, null, Bom.of(file, title, read.lines(), problems), problems);
        }
        return new DesignFile(name, null, null, csv(path, name, problems), problems);
    }

    private static Bom csv(Path path, String root, List<BomProblem> problems) throws IOException {
        CsvBomReader.Read read = CsvBomReader.read(path.getFileName().toString(), Files.readString(path, StandardCharsets.UTF_8));
        problems.addAll(read.problems());
        return Bom.of(path.getFileName().toString(), root, read.lines(), problems);
    }

    private static int line(JacksonException e) {
        return e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
    }
}
