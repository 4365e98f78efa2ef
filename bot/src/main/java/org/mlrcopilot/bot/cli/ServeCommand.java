package org.mlrcopilot.bot.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.mlrcopilot.bot.service.BotService;
import org.mlrcopilot.config.LoadedConfig;
import org.mlrcopilot.config.MlrConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * `mlr serve`: the main job. Prints the configuration and what is enabled or missing (with how to fix it), then
 * runs the bot (web chat, HTTP endpoints, research service) until stopped. {@code --check} only reports.
 */
@Command(
        name = "serve",
        description = "Run the research bot: the web chat at http://localhost:8080 (web.port), "
                + "/healthz and /metrics, and the research service.")
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    MlrCommand mlr;

    @Option(names = "--check", description = "Print the configuration and what is enabled or missing, then exit.")
    boolean check;

    @Override
    public Integer call() throws InterruptedException {
        LoadedConfig loaded = mlr.config();
        System.out.println("MLR-Copilot bot 0.1.0\n\nconfiguration (secrets hidden; source in brackets):");
        System.out.println(loaded.describe().indent(2));
        loaded.warnings().forEach(w -> System.out.println("warning: " + w));
        MlrConfig config = loaded.config();
        if (check) {
            System.out.println(StatusReport.sandbox(config));
            System.out.println(StatusReport.llm(config));
            System.out.println("chat: " + chatStatus(config));
            return 0;
        }
        BotService service = BotService.start(config, System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            service.close();
                            stopped.countDown();
                        },
                        "mlr-shutdown"));
        System.out.println("chat: " + chatStatus(config));
        System.out.println("approvers: "
                + (config.service().approvers().isEmpty()
                        ? "anyone in the chat may approve runs (set service.approvers to restrict)"
                        : String.join(", ", config.service().approvers())));
        System.out.printf(
                "%nready: open http://%s:%d in a browser and paste a paper link (Ctrl-C stops)%n",
                displayHost(config.web().bindAddress()), service.port());
        stopped.await();
        return 0;
    }

    private static String displayHost(String bind) {
        return bind.equals("0.0.0.0") || bind.equals("::") ? "localhost" : bind;
    }

    private static String chatStatus(MlrConfig c) {
        String slack = c.slack().botToken().isPresent()
                ? "slack on (" + c.slack().mode() + " mode)"
                : "slack off (SLACK_BOT_TOKEN with SLACK_APP_TOKEN, or SLACK_SIGNING_SECRET and MLR_SLACK_MODE=http)";
        String discord = c.discord().botToken().isPresent()
                ? "discord on"
                        + (c.discord().channels().isEmpty()
                                ? ""
                                : " (watching " + String.join(", ", c.discord().channels()) + ")")
                : "discord off (DISCORD_BOT_TOKEN)";
        return "web chat on " + c.web().bindAddress() + ":" + c.web().port() + "; " + slack + "; " + discord;
    }
}
