package microfactory.cli;

import java.util.concurrent.Callable;

import microfactory.common.VerbGroup;
import microfactory.designs.BomBench;
import microfactory.ledger.LedgerBench;
import microfactory.scheduling.ScheduleBench;
import microfactory.web.ApiBench;
import microfactory.web.PagesBench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bench ...}: benchmarks that print figures against a baseline measured in the same run. */
@Command(name = "bench", description = "Benchmarks, each against a baseline measured in the same run.",
        subcommands = {LedgerBench.class, ScheduleBench.class,
                BomBench.class, PagesBench.class, ApiBench.class})
final class BenchCommand extends VerbGroup {
}
