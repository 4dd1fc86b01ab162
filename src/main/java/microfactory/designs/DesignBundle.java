package microfactory.designs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import microfactory.common.CsvRecords;
import microfactory.designs.bom.BomLine;
import microfactory.designs.bom.BomProblem;
import microfactory.designs.bom.CsvBomReader;
import microfactory.designs.bom.MarkdownBomReader;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.toml.TomlMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The export bundle of a design version, a zip anyone can rebuild from: {@code okh.toml} with every field
 * OKH-LOSH requires, {@code bom.csv} (parent,part,quantity,… so shared sub-assemblies survive),
 * {@code tasks.csv} and {@code LICENSE.txt}. Reading it back gives the same design.
 */
public final class DesignBundle {

    static final String BOM_HEADER = "parent,part,quantity,unit,type,unit_price,currency,supplier,material_class,material_quantity,material_unit,process,machine,material_code";
    static final String TASK_HEADER = "code,name,minutes,bay,skills,machines,predecessors,checklist,standard";
    private static final TomlMapper TOML = TomlMapper.builder().build();

    private DesignBundle() {
    }

    public record Read(DesignContent content, List<BomProblem> problems) {
    }

    public static byte[] write(DesignContent c) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            entry(zip, "okh.toml", okhToml(c));
            entry(zip, "bom.csv", bomCsv(c.lines()));
            entry(zip, "tasks.csv", tasksCsv(c.tasks()));
            entry(zip, "LICENSE.txt", "This design is licensed under " + c.licence() + " (SPDX).\n"
                    + "Licensor: " + c.licensor() + "\nSee https://spdx.org/licenses/ for the licence text.\n");
        } catch (IOException e) {
            throw new IllegalStateException("writing a zip in memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    static String okhToml(DesignContent c) {
        ObjectNode o = TOML.createObjectNode();
        o.put("okhv", "OKH-LOSHv1.0").put("name", c.name()).put("repo", c.repo()).put("version", c.version())
                .put("license", c.licence()).put("licensor", c.licensor()).put("function", c.function())
                .put("bom", "bom.csv").put("manufacturing-instructions", "tasks.csv");
        return TOML.writeValueAsString(o);
    }

    static String bomCsv(List<BomLine> lines) {
        StringBuilder csv = new StringBuilder(BOM_HEADER).append('\n');
        for (BomLine l : lines) {
            csv.append(String.join(",", field(l.parent()), field(l.part()), l.quantity().toPlainString(), l.unit().symbol(),
                    l.kind() == null ? "" : l.kind().name().toLowerCase(),
                    l.unitPriceMinor() == null ? "" : BigDecimal.valueOf(l.unitPriceMinor(),
                            Math.max(0, Currency.getInstance(l.currency() == null ? "USD" : l.currency()).getDefaultFractionDigits())).toPlainString(),
                    field(l.currency()), field(l.supplier()), field(l.materialClass()),
                    l.materialQuantity() == null ? "" : l.materialQuantity().toPlainString(),
                    l.materialUnit() == null ? "" : l.materialUnit().symbol(), field(l.process()), field(l.machine()),
                    field(l.materialCode()))).append('\n');
        }
        return csv.toString();
    }

    static String tasksCsv(List<BuildTask> tasks) {
        StringBuilder csv = new StringBuilder(TASK_HEADER).append('\n');
        for (BuildTask t : tasks) {
            csv.append(String.join(",", field(t.code()), field(t.name()), Integer.toString(t.minutes()), field(t.bayKind()),
                    field(t.skillsText()), field(t.machinesText()), field(String.join(" ", t.predecessors())),
                    field(String.join("|", t.checklist())), field(t.standard()))).append('\n');
        }
        return csv.toString();
    }

    /** Reads tasks.csv; each problem names its line. */
    static List<BuildTask> readTasks(String file, String text, List<BomProblem> problems) {
        List<BuildTask> tasks = new ArrayList<>();
        List<CsvRecords.Record> records;
        try {
            records = CsvRecords.read(text, ',').stream().filter(r -> !r.blank()).toList();
        } catch (IllegalArgumentException e) {
            problems.add(new BomProblem(file, 0, e.getMessage()));
            return tasks;
        }
        for (CsvRecords.Record record : records.isEmpty() ? records : records.subList(1, records.size())) {
            int line = record.line();
            List<String> f = record.fields();
            if (f.size() < 8) {
                problems.add(new BomProblem(file, line, "a task line has 8 fields (a 9th, the standard, may follow): " + TASK_HEADER));
                continue;
            }
            try {
                int minutes = Integer.parseInt(f.get(2).strip());
                if (minutes < 0) {
                    throw new IllegalArgumentException("minutes must not be negative");
                }
                tasks.add(new BuildTask(f.get(0).strip(), f.get(1).strip(), minutes, f.get(3).isBlank() ? null : f.get(3).strip(),
                        BuildTask.parseSkills(f.get(4)), BuildTask.parseMachines(f.get(5)), BuildTask.parseList(f.get(6), " "),
                        BuildTask.parseList(f.get(7), "\\|"), f.size() > 8 && !f.get(8).isBlank() ? f.get(8).strip() : null));
            } catch (NumberFormatException e) {
                problems.add(new BomProblem(file, line, "minutes '" + f.get(2) + "' is not a whole number"));
            } catch (IllegalArgumentException e) {
                problems.add(new BomProblem(file, line, e.getMessage()));
            }
        }
        return tasks;
    }

    /** The kinds of file a bundle is read from (its manifest, BOM, tasks, licence); any other entry is skipped unkept. */
    static final Set<String> TEXT_FILES = Set.of("toml", "csv", "tsv", "md", "txt", "yml", "yaml");
    static final int MAX_ENTRIES = 1_000;
    static final int MAX_FILE = 2_000_000;
    static final long MAX_INFLATED = 20_000_000;

    /**
     * The bundle's files, read with limits before anything is buffered: at most 1,000 entries, 2 MB for each file kept,
     * 20 MB inflated in all (so a zip bomb is refused after 20 MB of work, not after memory runs out).
     */
    static Map<String, String> unzip(byte[] zipBytes) throws IOException {
        Map<String, String> files = new HashMap<>();
        long inflated = 0;
        int entries = 0;
        byte[] buffer = new byte[65_536];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipBytes), StandardCharsets.UTF_8)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    throw new IllegalArgumentException("the zip has more than " + MAX_ENTRIES + " entries; a design bundle has four files");
                }
                String name = e.getName().replaceAll("^.*/", "");
                boolean keep = !e.isDirectory() && TEXT_FILES.contains(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
                ByteArrayOutputStream kept = new ByteArrayOutputStream();
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    inflated += n;
                    if (inflated > MAX_INFLATED) {
                        throw new IllegalArgumentException("the zip unpacks to more than 20 MB; a design bundle is far smaller");
                    }
                    if (keep) {
                        if (kept.size() + n > MAX_FILE) {
                            throw new IllegalArgumentException(name + " is larger than 2 MB");
                        }
                        kept.write(buffer, 0, n);
                    }
                }
                if (keep) {
                    files.put(name, kept.toString(StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }

    public static Read read(byte[] zipBytes) {
        List<BomProblem> problems = new ArrayList<>();
        Map<String, String> files = new HashMap<>();
        try {
            files.putAll(unzip(zipBytes));
        } catch (IOException e) {
            problems.add(new BomProblem("bundle", 0, "not a zip file: " + e.getMessage()));
            return new Read(null, problems);
        } catch (IllegalArgumentException e) {
            problems.add(new BomProblem("bundle", 0, e.getMessage()));
            return new Read(null, problems);
        }
        String toml = files.get("okh.toml");
        if (toml == null) {
            problems.add(new BomProblem("bundle", 0, "the bundle has no okh.toml"));
            return new Read(null, problems);
        }
        JsonNode okh;
        try {
            okh = TOML.readTree(toml);
        } catch (JacksonException e) {
            problems.add(new BomProblem("okh.toml", e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "malformed TOML: " + e.getOriginalMessage()));
            return new Read(null, problems);
        }
        for (String required : List.of("okhv", "name", "repo", "version", "license", "licensor", "function")) {
            if (!okh.has(required)) {
                problems.add(new BomProblem("okh.toml", 0, "OKH-LOSH requires '" + required + "'"));
            }
        }
        String licence = okh.path("license").asString(null); // checked with the rest of the design by DesignService.check
        String bomName = okh.path("bom").asString("bom.csv");
        List<BomLine> lines = List.of();
        if (files.containsKey(bomName)) {
            CsvBomReader.Read bom = bomName.endsWith(".md") ? MarkdownBomReader.read(bomName, files.get(bomName))
                    : CsvBomReader.read(bomName, files.get(bomName));
            problems.addAll(bom.problems());
            lines = bom.lines();
        }
        List<BuildTask> tasks = files.containsKey("tasks.csv") ? readTasks("tasks.csv", files.get("tasks.csv"), problems) : List.of();
        return new Read(new DesignContent(okh.path("name").asString(null), okh.path("function").asString(""), licence,
                okh.path("licensor").asString(""), okh.path("repo").asString(""), okh.path("version").asString("1.0"), lines, tasks),
                problems);
    }

    /**
     * A bundle from loose files as a person uploads them: an okh.toml with its BOM (and tasks.csv), or a BOM
     * alone (CSV, TSV or OSE Markdown) with the manifest fields typed into the form.
     */
    public static byte[] fromFiles(Map<String, byte[]> files, String name, String licence, String licensor, String function) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            String yml = files.keySet().stream().filter(f -> f.endsWith(".yml") || f.endsWith(".yaml")).findFirst().orElse(null);
            if (!files.containsKey("okh.toml") && yml != null) {
                // OKH v1: take title, licence, licensor and description from the manifest.
                JsonNode v1 = YAMLMapper.builder().build()
                        .readTree(new String(files.get(yml), StandardCharsets.UTF_8));
                JsonNode lic = v1.path("license");
                name = v1.path("title").asString(name);
                licence = lic.isObject() ? lic.path("hardware").asString(licence) : lic.asString(licence);
                licensor = v1.path("licensor").isObject() ? v1.path("licensor").path("name").asString(licensor) : v1.path("licensor").asString(licensor);
                function = v1.path("description").asString(function);
            }
            if (!files.containsKey("okh.toml")) {
                String bom = files.keySet().stream().filter(f -> !f.equals("tasks.csv") && f.matches(".*\\.(csv|tsv|md)$"))
                        .findFirst().orElse("bom.csv");
                ObjectNode o = TOML.createObjectNode();
                o.put("okhv", "OKH-LOSHv1.0").put("name", name).put("repo", "").put("version", "1.0").put("license", licence)
                        .put("licensor", licensor == null ? "" : licensor).put("function", function == null ? "" : function).put("bom", bom);
                entry(zip, "okh.toml", TOML.writeValueAsString(o));
            }
            for (var f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing a zip in memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String field(String s) {
        if (s == null) {
            return "";
        }
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

}
