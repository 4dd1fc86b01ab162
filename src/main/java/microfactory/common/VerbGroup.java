package microfactory.common;

import java.util.concurrent.Callable;

import picocli.CommandLine;

/** A command-line verb that only groups others ("ledger", "bench"): on its own it prints its usage. */
public abstract class VerbGroup implements Callable<Integer> {

    @CommandLine.Spec
    protected CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
