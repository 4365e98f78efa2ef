package org.mlrcopilot.bot.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** `mlr sandbox status`: which backend would run experiments, with which guarantees. */
@Command(name = "status", description = "Show which sandbox backend is in force and what it guarantees.")
final class SandboxStatusCommand implements Callable<Integer> {

    @ParentCommand
    SandboxCommand sandbox;

    @Override
    public Integer call() {
        String status = StatusReport.sandbox(sandbox.mlr.config().config());
        System.out.println(status);
        return status.startsWith("sandbox: UNAVAILABLE") ? 3 : 0;
    }
}
