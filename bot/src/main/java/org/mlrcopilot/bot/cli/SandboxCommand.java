package org.mlrcopilot.bot.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** `mlr sandbox ...`: run code in the sandbox, build its image, show its status. */
@Command(
        name = "sandbox",
        description = "Run untrusted code in the sandbox, build the sandbox image, show status.",
        subcommands = {
            SandboxRunCommand.class,
            BuildImageCommand.class,
            SandboxStatusCommand.class,
            SandboxBenchCommand.class
        })
final class SandboxCommand {

    @ParentCommand
    MlrCommand mlr;
}
