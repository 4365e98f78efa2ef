package org.mlrcopilot.bot.cli;

import java.util.concurrent.Callable;
import org.mlrcopilot.config.LoadedConfig;
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
        System.out.println(StatusReport.sandbox(loaded.config()));
        System.out.println(StatusReport.llm(loaded.config()));
        System.out.println("chat: " + chatStatus(loaded));
        return 0;
    }

    private static String chatStatus(LoadedConfig loaded) {
        var c = loaded.config();
        String slack = c.slack().botToken().isPresent() ? "slack token found" : "slack: set SLACK_BOT_TOKEN and SLACK_APP_TOKEN";
        String discord = c.discord().botToken().isPresent() ? "discord token found" : "discord: set DISCORD_BOT_TOKEN";
        return "web chat on port " + c.web().port() + " is not part of this release yet; " + slack + "; " + discord;
    }
}
