package microfactory.designs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Comparator;
import java.util.LinkedHashMap;
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
import microfactory.designs.bom.OkhManifest;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.toml.TomlMapper;

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

    /** The design read, every problem (nothing is stored while there is one), and how the files were read, for a person to check. */
    public record Read(DesignContent content, List<BomProblem> problems, List<String> mapped) {

        Read(DesignContent content, List<BomProblem> problems) {
            this(content, problems, List.of());
        }
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
     * The bundle's files by their paths, read with limits before anything is buffered: at most 1,000 entries, 2 MB for each
     * file kept, 20 MB inflated in all (so a zip bomb is refused after 20 MB of work, not after memory runs out). A folder
     * every file sits in (as in a repository's "Download ZIP") is dropped; names that climb out of the archive are skipped.
     */
    static Map<String, String> unzip(byte[] zipBytes) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        long inflated = 0;
        int entries = 0;
        byte[] buffer = new byte[65_536];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipBytes), StandardCharsets.UTF_8)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    throw new IllegalArgumentException("the zip has more than " + MAX_ENTRIES + " entries; a design bundle has four files");
                }
                String path = OkhManifest.normalise(e.getName().replace('\\', '/'));
                String name = e.getName().replaceAll("^.*/", "");
                boolean keep = !e.isDirectory() && path != null && !path.isEmpty()
                        && TEXT_FILES.contains(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
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
                    files.put(path, kept.toString(StandardCharsets.UTF_8));
                }
            }
        }
        return withoutCommonFolder(files);
    }

    private static Map<String, String> withoutCommonFolder(Map<String, String> files) {
        String first = files.keySet().stream().findFirst().orElse("");
        int slash = first.indexOf('/');
        if (slash < 0) {
            return files;
        }
        String top = first.substring(0, slash + 1);
        if (!files.keySet().stream().allMatch(p -> p.startsWith(top))) {
            return files;
        }
        Map<String, String> inner = new LinkedHashMap<>();
        files.forEach((p, text) -> inner.put(p.substring(top.length()), text));
        return withoutCommonFolder(inner);
    }

    /** The design's manifest: the shallowest okh.toml, else an OKH v1 okh.yml; null when there is none. */
    static String manifestPath(Set<String> paths) {
        for (String wanted : List.of("okh.toml", "okh.yml", "okh.yaml")) {
            String found = paths.stream().filter(p -> p.equals(wanted) || p.endsWith("/" + wanted) || p.endsWith("." + wanted))
                    .min(Comparator.comparingInt((String p) -> p.split("/").length).thenComparing(p -> p)).orElse(null);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    public static Read read(byte[] zipBytes) {
        List<BomProblem> problems = new ArrayList<>();
        Map<String, String> files;
        try {
            files = unzip(zipBytes);
        } catch (IOException e) {
            problems.add(new BomProblem("bundle", 0, "not a zip file: " + e.getMessage()));
            return new Read(null, problems);
        } catch (IllegalArgumentException e) {
            problems.add(new BomProblem("bundle", 0, e.getMessage()));
            return new Read(null, problems);
        }
        String manifest = manifestPath(files.keySet());
        if (manifest == null) {
            problems.add(new BomProblem("bundle", 0, "the bundle has no okh.toml (nor an OKH v1 okh.yml)"));
            return new Read(null, problems);
        }
        OkhManifest okh = OkhManifest.read(manifest.substring(manifest.lastIndexOf('/') + 1), files.get(manifest));
        problems.addAll(okh.problems());
        if (okh.name() == null) {
            return new Read(null, problems, okh.mapped());
        }
        String folder = manifest.contains("/") ? manifest.substring(0, manifest.lastIndexOf('/')) : "";
        List<String> mapped = okh.mapped();
        String bomName = okh.bom() != null ? OkhManifest.resolve(okh.bom(), folder, files.keySet(), mapped) : defaultBom(folder, files.keySet(), mapped);
        if (okh.bom() != null && bomName == null) {
            problems.add(new BomProblem(manifest, 0, "the linked BOM '" + okh.bom() + "' is not in the bundle"));
        }
        List<BomLine> lines = List.of();
        if (bomName != null) {
            String shortName = bomName.substring(bomName.lastIndexOf('/') + 1);
            CsvBomReader.Read bom = shortName.endsWith(".md") ? MarkdownBomReader.read(shortName, files.get(bomName))
                    : CsvBomReader.read(shortName, files.get(bomName));
            problems.addAll(bom.problems());
            bom.mapped().forEach(m -> mapped.add(shortName + ": " + m));
            lines = bom.lines();
        }
        lines = okh.withParts(lines);
        String tasksName = OkhManifest.resolve("tasks.csv", folder, files.keySet(), new ArrayList<>());
        List<BuildTask> tasks = tasksName != null ? readTasks("tasks.csv", files.get(tasksName), problems) : List.of();
        // the licence is checked with the rest of the design by DesignService.check
        return new Read(new DesignContent(okh.name(), okh.function(), okh.licence(), okh.licensor(), okh.repo(), okh.version(), lines, tasks),
                problems, mapped);
    }

    /** A manifest that names no BOM: its folder's bom.csv, else the one table file beside it (a person's upload of two files). */
    private static String defaultBom(String folder, Set<String> paths, List<String> mapped) {
        String prefix = folder.isEmpty() ? "" : folder + "/";
        if (paths.contains(prefix + "bom.csv")) {
            return prefix + "bom.csv";
        }
        List<String> tables = paths.stream().filter(p -> p.startsWith(prefix) && !p.substring(prefix.length()).contains("/"))
                .filter(p -> p.matches("(?i).*\\.(csv|tsv|md)$") && !p.matches("(?i).*/?(tasks\\.csv|readme[^/]*|licen[cs]e[^/]*|changelog[^/]*)$")).toList();
        if (tables.size() == 1) {
            mapped.add("the manifest names no BOM: " + tables.get(0) + " taken as it");
            return tables.get(0);
        }
        return null;
    }

    /**
     * A bundle from loose files as a person uploads them: an okh.toml with its BOM (and tasks.csv), or a BOM
     * alone (CSV, TSV or OSE Markdown) with the manifest fields typed into the form.
     */
    public static byte[] fromFiles(Map<String, byte[]> files, String name, String licence, String licensor, String function) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            boolean v1 = files.keySet().stream().anyMatch(f -> f.endsWith(".yml") || f.endsWith(".yaml"));
            if (!files.containsKey("okh.toml") && !v1) {
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
