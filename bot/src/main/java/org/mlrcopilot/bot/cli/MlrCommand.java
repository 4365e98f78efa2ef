package org.mlrcopilot.bot.cli;

import java.nio.file.Path;
import org.mlrcopilot.config.ConfigLoader;
import org.mlrcopilot.config.LoadedConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `mlr`: the research bot's command line. */
@Command(
        name = "mlr",
        mixinStandardHelpOptions = true,
        version = "mlr 0.1.0",
        description = "MLR-Copilot bot: autonomous machine-learning research in your team's chat.",
        subcommands = {
            ServeCommand.class,
            PaperCommand.class,
            IdeasCommand.class,
            ExperimentCommand.class,
            SandboxCommand.class,
            ConfigCommand.class,
            StoreCommand.class,
            CommandLine.HelpCommand.class
        })
public final class MlrCommand {

    @Option(
            names = "--dir",
            defaultValue = ".",
            description = "Directory holding mlr.yaml and .env (default: current).")
    Path directory;

    private LoadedConfig loaded;

    /** The configuration, read once: defaults < mlr.yaml < .env < environment variables. */
    LoadedConfig config() {
        if (loaded == null) {
            loaded = ConfigLoader.load(directory, System.getenv());
        }
        return loaded;
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new MlrCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (UserErrors.userFacing(e)) {
                commandLine.getErr().println("mlr: " + e.getMessage());
                return UserErrors.exitCode(e);
            }
            throw e;
        });
        return cli;
    }
}
