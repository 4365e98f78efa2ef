package org.mlrcopilot.bot.cli;

import java.util.concurrent.Callable;
import org.mlrcopilot.config.LoadedConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** `mlr config`: every setting, its value (secrets hidden) and where it came from. */
@Command(name = "config", description = "Print the effective configuration and where each value came from.")
final class ConfigCommand implements Callable<Integer> {

    @ParentCommand
    MlrCommand mlr;

    @Override
    public Integer call() {
        LoadedConfig loaded = mlr.config();
        System.out.println(loaded.describe());
        loaded.warnings().forEach(w -> System.err.println("warning: " + w));
        return 0;
    }
}
