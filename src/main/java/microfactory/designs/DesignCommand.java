package microfactory.designs;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import microfactory.common.VerbGroup;
import microfactory.designs.bom.BomProblem;
import microfactory.designs.bom.DesignFile;
import microfactory.designs.bom.Spdx;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code design inspect <file>}: a design file read and exploded, as JSON, without a server. */
@Command(name = "design", description = "Read open designs: OKH manifests and bills of materials.",
        subcommands = {DesignCommand.Inspect.class, DesignCommand.BundleCommand.class})
public final class DesignCommand extends VerbGroup {

    @Command(name = "bundle", description = {"Write the export bundle of a design file (okh.toml with its BOM, or a CSV BOM):",
            "to <out>.zip the same zip the design page offers, else into the folder <out>: okh.toml, bom.csv, tasks.csv, LICENSE.txt."})
    static final class BundleCommand implements Callable<Integer> {
        @Parameters(index = "0", description = "okh.toml or a CSV/TSV BOM") Path file;
        @Parameters(index = "1", description = "a .zip file to write, or a folder") Path out;
        @Option(names = "--licence", description = "SPDX licence expression, e.g. CERN-OHL-S-2.0 (default: the file's, else LicenseRef-unknown)")
        String licence;
        @Option(names = "--repo", description = "the design's repository URL, e.g. https://github.com/you/design") String repo;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            try {
                DesignFile d = DesignFile.read(file);
                if (!d.problems().isEmpty()) {
                    d.problems().forEach(err::println);
                    return 1;
                }
                String spdx = licence != null ? licence : d.license() == null ? "LicenseRef-unknown" : d.license();
                Optional<String> bad = licence == null ? Optional.empty() : Spdx.problem(licence);
                if (bad.isPresent()) {
                    err.println("--licence: " + bad.get());
                    return 2;
                }
                DesignContent content = new DesignContent(d.name(), "", spdx, "", repo == null ? "" : repo,
                        d.version() == null ? "1.0" : d.version(), d.bom() == null ? List.of() : d.bom().lines(), List.of());
                if (out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
                    if (out.toAbsolutePath().getParent() != null) {
                        Files.createDirectories(out.toAbsolutePath().getParent());
                    }
                    Files.write(out, DesignBundle.write(content));
                } else {
                    Files.createDirectories(out);
                    Files.writeString(out.resolve("okh.toml"), DesignBundle.okhToml(content));
                    Files.writeString(out.resolve("bom.csv"), DesignBundle.bomCsv(content.lines()));
                    Files.writeString(out.resolve("tasks.csv"), DesignBundle.tasksCsv(content.tasks()));
                    Files.writeString(out.resolve("LICENSE.txt"), "This design is licensed under " + content.licence() + " (SPDX).\n");
                }
                spec.commandLine().getOut().println("Wrote the bundle of " + d.name() + " (" + spdx + ") to " + out);
                return 0;
            } catch (IOException e) {
                err.println(file + ": " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "inspect", description = {"Print JSON: name, version, license, bom (tree), flat (exploded totals), cost, materials,",
            "mapped (how the file's own names were read: licence names as SPDX ids, BOM columns, root paths, [[part]] tables), errors.",
            "Exit 1 when the input is malformed."})
    static final class Inspect implements Callable<Integer> {
        @Parameters(index = "0", description = "okh.toml, okh.yml, or a CSV/TSV BOM") Path file;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try {
                DesignFile d = DesignFile.read(file);
                JsonMapper json = JsonMapper.builder().build();
                ObjectNode o = json.createObjectNode();
                o.put("name", d.name()).put("version", d.version()).put("license", d.license());
                if (d.bom() != null) {
                    o.set("bom", json.valueToTree(d.bom().tree(12)));
                    o.set("flat", json.valueToTree(d.bom().flat()));
                    o.set("cost", json.valueToTree(d.bom().cost()));
                    o.set("materials", json.valueToTree(d.bom().materials()));
                } else {
                    o.putNull("bom");
                    o.putArray("flat");
                }
                ArrayNode mapped = o.putArray("mapped");
                d.mapped().forEach(mapped::add);
                ArrayNode errors = o.putArray("errors");
                for (BomProblem p : d.problems()) {
                    errors.add(p.toString());
                }
                out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(o));
                d.problems().stream().findFirst().ifPresent(p -> spec.commandLine().getErr().println(p));
                return d.problems().isEmpty() ? 0 : 1;
            } catch (IOException e) {
                spec.commandLine().getErr().println(file + ": " + e.getMessage());
                return 1;
            }
        }
    }

}
