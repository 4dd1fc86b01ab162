package microfactory.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bench ...}: benchmarks that print figures against a baseline measured in the same run. */
@Command(name = "bench", description = "Benchmarks, each against a baseline measured in the same run.",
        subcommands = {microfactory.ledger.LedgerBench.class, microfactory.scheduling.ScheduleBench.class,
                microfactory.designs.BomBench.class, microfactory.web.PagesBench.class, microfactory.web.ApiBench.class})
final class BenchCommand extends microfactory.common.VerbGroup {
}
