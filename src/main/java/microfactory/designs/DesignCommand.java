package microfactory.designs;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import microfactory.designs.bom.BomProblem;
import microfactory.designs.bom.DesignFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code design inspect <file>}: a design file read and exploded, as JSON, without a server. */
@Command(name = "design", description = "Read open designs: OKH manifests and bills of materials.",
        subcommands = {DesignCommand.Inspect.class, DesignCommand.BundleCommand.class})
public final class DesignCommand extends microfactory.common.VerbGroup {

    @Command(name = "bundle", description = "Write the export bundle of a design file (okh.toml with its BOM, or a CSV BOM) into <dir>: okh.toml, bom.csv, tasks.csv, LICENSE.txt.")
    static final class BundleCommand implements Callable<Integer> {
        @Parameters(index = "0", description = "okh.toml or a CSV/TSV BOM") Path file;
        @Parameters(index = "1", description = "the folder to write") Path dir;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try {
                DesignFile d = DesignFile.read(file);
                if (!d.problems().isEmpty()) {
                    d.problems().forEach(p -> spec.commandLine().getErr().println(p));
                    return 1;
                }
                DesignContent content = new DesignContent(d.name(), "", d.license() == null ? "LicenseRef-unknown" : d.license(), "", "",
                        d.version() == null ? "1.0" : d.version(), d.bom() == null ? java.util.List.of() : d.bom().lines(), java.util.List.of());
                java.nio.file.Files.createDirectories(dir);
                java.nio.file.Files.writeString(dir.resolve("okh.toml"), DesignBundle.okhToml(content));
                java.nio.file.Files.writeString(dir.resolve("bom.csv"), DesignBundle.bomCsv(content.lines()));
                java.nio.file.Files.writeString(dir.resolve("tasks.csv"), DesignBundle.tasksCsv(content.tasks()));
                java.nio.file.Files.writeString(dir.resolve("LICENSE.txt"), "This design is licensed under " + content.licence() + " (SPDX).\n");
                spec.commandLine().getOut().println("Wrote the bundle of " + d.name() + " to " + dir);
                return 0;
            } catch (java.io.IOException e) {
                spec.commandLine().getErr().println(file + ": " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "inspect", description = "Print JSON: name, version, license, bom (tree), flat (exploded totals), cost, materials, errors. Exit 1 when the input is malformed.")
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
                ArrayNode errors = o.putArray("errors");
                for (BomProblem p : d.problems()) {
                    errors.add(p.toString());
                }
                out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(o));
                d.problems().stream().findFirst().ifPresent(p -> spec.commandLine().getErr().println(p));
                return d.problems().isEmpty() ? 0 : 1;
            } catch (java.io.IOException e) {
                spec.commandLine().getErr().println(file + ": " + e.getMessage());
                return 1;
            }
        }
    }

}
