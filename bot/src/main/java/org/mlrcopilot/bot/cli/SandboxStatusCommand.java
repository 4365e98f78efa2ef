package org.mlrcopilot.bot.cli;

import java.util.concurrent.Callable;
import org.mlrcopilot.bot.sandbox.Sandboxes;
import org.mlrcopilot.sandbox.Sandbox;
import org.mlrcopilot.sandbox.SandboxException;
import org.mlrcopilot.sandbox.auto.SandboxSelector;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** `mlr sandbox status`: which backend would run experiments, with which guarantees. */
@Command(name = "status", description = "Show which sandbox backend is in force and what it guarantees.")
final class SandboxStatusCommand implements Callable<Integer> {

    @ParentCommand
    SandboxCommand sandbox;

    @Override
    public Integer call() {
        try {
            SandboxSelector.Selection selection = Sandboxes.select(sandbox.mlr.config().config());
            try (Sandbox s = selection.sandbox()) {
                System.out.println(StatusReport.sandbox(selection));
            }
            return 0;
        } catch (SandboxException e) {
            System.out.println("sandbox: UNAVAILABLE: " + e.getMessage());
            return 3;
        }
    }
}
