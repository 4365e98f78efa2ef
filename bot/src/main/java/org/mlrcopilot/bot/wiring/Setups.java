package org.mlrcopilot.bot.wiring;

import dev.langchain4j.model.chat.ChatModel;
import java.net.URI;
import org.mlrcopilot.agents.setup.ExperimentSetup;
import org.mlrcopilot.agents.setup.SetupSettings;
import org.mlrcopilot.bot.sandbox.Sandboxes;
import org.mlrcopilot.bot.store.ParquetTables;
import org.mlrcopilot.config.ExperimentConfig;
import org.mlrcopilot.config.MlrConfig;
import org.mlrcopilot.papers.fetch.FetchPolicy;
import org.mlrcopilot.papers.hub.HubDownloads;
import org.mlrcopilot.sandbox.Sandbox;

/** The experiment set-up stage from configuration (for the service and the CLI). */
public final class Setups {

    private Setups() {}

    public static SetupSettings settings(MlrConfig config) {
        ExperimentConfig e = config.experiment();
        return new SetupSettings(
                e.taskMatch(),
                e.maxDatasetBytes(),
                e.maxCodeBytes(),
                e.maxModelBytes(),
                e.maxRows(),
                e.setupSteps(),
                URI.create(config.papers().huggingFaceUrl()),
                config.research().huggingFaceToken().reveal(),
                URI.create(e.githubApiUrl()));
    }

    public static ExperimentSetup of(
            MlrConfig config, ChatModel main, Sandbox sandbox, FetchPolicy policy, HubModelRetriever hub) {
        SetupSettings settings = settings(config);
        return new ExperimentSetup(
                main,
                sandbox,
                Sandboxes.limits(config.sandbox()),
                new HubDownloads(policy, new ParquetTables(), settings),
                hub::rankTasks,
                settings);
    }

    /** The team confirms set-ups when runs ask before their first execution or every step. */
    public static boolean confirm(ExperimentConfig e) {
        return e.approval().equals("first-execution") || e.approval().equals("every-step");
    }
}
