package microfactory.designs;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;

import microfactory.designs.bom.Bom;
import microfactory.designs.bom.BomProblem;
import microfactory.designs.bom.CsvBomReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench bom}: explode and cost a generated car-scale BOM (30,000 lines, 10 levels), and import a
 * 10,000-line CSV; each against a baseline measured in the same run (one pass over the same lines).
 */
@Command(name = "bom", description = "Benchmark BOM explosion, costing and CSV import.")
public final class BomBench implements Callable<Integer> {

    @Option(names = "--lines", description = "lines of the generated BOM (default ${DEFAULT-VALUE})") int lines = 30_000;
    @Option(names = "--import-lines", description = "lines of the imported CSV (default ${DEFAULT-VALUE})") int importLines = 10_000;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String big = generate(lines, 10, 42);
        String small = generate(importLines, 10, 7);
        CsvBomReader.Read read = CsvBomReader.read("car.csv", big);
        List<BomProblem> problems = new ArrayList<>(read.problems());
        Bom bom = Bom.of("car.csv", "car", read.lines(), problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(problems.get(0).toString());
        }
        long explode = Long.MAX_VALUE;
        long baseline = Long.MAX_VALUE;
        int parts = 0;
        long sink = 0;
        for (int r = 0; r < 7; r++) {
            long t0 = System.nanoTime();
            parts = bom.flat().size();
            sink += bom.cost().getOrDefault("USD", 0L);
            explode = Math.min(explode, System.nanoTime() - t0);
            t0 = System.nanoTime();
            BigDecimal sum = BigDecimal.ZERO; // baseline: one pass adding every line's quantity
            for (var l : read.lines()) {
                sum = sum.add(l.quantity());
            }
            sink += sum.intValue();
            baseline = Math.min(baseline, System.nanoTime() - t0);
        }
        out.printf("explode and cost %,d lines (%d levels, %,d distinct leaf parts): %.1f ms (goal <= 100 ms); "
                + "one pass over the lines: %.2f ms; ratio %.1f%n", read.lines().size(), 10, parts, explode / 1e6, baseline / 1e6,
                (double) explode / baseline);
        long importTime = Long.MAX_VALUE;
        long split = Long.MAX_VALUE;
        for (int r = 0; r < 7; r++) {
            long t0 = System.nanoTime();
            CsvBomReader.Read imported = CsvBomReader.read("import.csv", small);
            Bom.of("import.csv", "car", imported.lines(), new ArrayList<>());
            importTime = Math.min(importTime, System.nanoTime() - t0);
            t0 = System.nanoTime();
            for (String line : small.split("\n")) {
                sink += line.split(",").length;
            }
            split = Math.min(split, System.nanoTime() - t0);
        }
        out.printf("import a %,d-line CSV BOM: %.1f ms (goal <= 1000 ms); splitting the same text into fields: %.1f ms; ratio %.1f%n",
                importLines, importTime / 1e6, split / 1e6, (double) importTime / split);
        return sink == 42 ? 1 : 0;
    }

    /** A car-like BOM: assemblies down to {@code levels} levels, leaf parts bought with prices, some reused. */
    static String generate(int count, int levels, long seed) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("level,part,quantity,unit,type,unit_price,currency\n");
        int level = 1;
        for (int i = 0; i < count; i++) {
            boolean assembly = level < levels && random.nextInt(4) == 0;
            csv.append(level).append(',');
            if (assembly) {
                csv.append("assembly ").append(i).append(',').append(1 + random.nextInt(4)).append(",pcs,assembly,,\n");
                level++;
            } else {
                csv.append("part ").append(random.nextInt(count / 3 + 1)).append(',').append(1 + random.nextInt(8))
                        .append(",pcs,bought,").append(random.nextInt(5000) / 100.0).append(",USD\n");
                if (level > 1 && random.nextInt(3) == 0) {
                    level -= 1 + random.nextInt(level - 1);
                }
            }
        }
        return csv.toString();
    }
}
