package org.mlrcopilot.bot.cli;

import java.util.concurrent.Callable;
import org.mlrcopilot.bot.sandbox.Sandboxes;
import org.mlrcopilot.config.LoadedConfig;
import org.mlrcopilot.sandbox.Sandbox;
import org.mlrcopilot.sandbox.SandboxException;
import org.mlrcopilot.sandbox.auto.SandboxSelector;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * `mlr serve`: the main job. Prints the configuration and what is enabled or missing (with how
 * to fix it): sandbox backend and guarantees, LLM provider, chat platforms.
 */
@Command(name = "serve", description = "Start the research bot (prints configuration and component status).")
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    MlrCommand mlr;

    @Override
    public Integer call() {
        LoadedConfig loaded = mlr.config();
        System.out.println("MLR-Copilot bot 0.1.0\n\nconfiguration (secrets hidden; source in brackets):");
        System.out.println(loaded.describe().indent(2));
        loaded.warnings().forEach(w -> System.out.println("warning: " + w));
        System.out.println(sandboxStatus(loaded));
        System.out.println(StatusReport.llm(loaded.config()));
        System.out.println("chat: " + chatStatus(loaded));
        return 0;
    }

    private static String sandboxStatus(LoadedConfig loaded) {
        try {
            SandboxSelector.Selection selection = Sandboxes.select(loaded.config());
            try (Sandbox s = selection.sandbox()) {
                return StatusReport.sandbox(selection);
            }
        } catch (SandboxException e) {
            return "sandbox: UNAVAILABLE: experiments cannot run: " + e.getMessage();
        }
    }

    private static String chatStatus(LoadedConfig loaded) {
        var c = loaded.config();
        String slack = c.slack().botToken().isPresent() ? "slack token found" : "slack: set SLACK_BOT_TOKEN and SLACK_APP_TOKEN";
        String discord = c.discord().botToken().isPresent() ? "discord token found" : "discord: set DISCORD_BOT_TOKEN";
        return "web chat on port " + c.web().port() + " is not part of this release yet; " + slack + "; " + discord;
    }
}
