package org.mlrcopilot.bot.wiring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.mlrcopilot.agents.experiment.ExperimentAgent;
import org.mlrcopilot.agents.experiment.RunCheckpoints;
import org.mlrcopilot.agents.experiment.TeamChannel;
import org.mlrcopilot.agents.experiment.tree.TreeSearch;
import org.mlrcopilot.agents.idea.IdeaAgent;
import org.mlrcopilot.agents.literature.RelatedWork;
import org.mlrcopilot.agents.paper.Paper;
import org.mlrcopilot.agents.research.Research;
import org.mlrcopilot.agents.research.ResearchRefusedException;
import org.mlrcopilot.agents.research.ResearchTools;
import org.mlrcopilot.agents.setup.ExperimentSetup;
import org.mlrcopilot.agents.task.TaskSpec;
import org.mlrcopilot.agents.task.Tasks;
import org.mlrcopilot.agents.usage.UsageStore;
import org.mlrcopilot.bot.llm.LlmModels;
import org.mlrcopilot.bot.papers.Papers;
import org.mlrcopilot.config.MlrConfig;
import org.mlrcopilot.papers.fetch.GuardedHttpClient;
import org.mlrcopilot.sandbox.Sandbox;

/** The service's tools wired from configuration: papers, related work, metered agents, tasks, the sandbox. */
public final class ServiceTools implements ResearchTools {

    private final Wiring wiring;
    private final MlrConfig config;
    private final Papers papers;
    private final LlmModels models;
    private final Sandbox sandbox;
    private final UsageStore usage;
    private final RunCheckpoints checkpoints;
    private final HubModelRetriever hub;
    private final GuardedHttpClient http;

    /** {@code models} null when no language model is configured; {@code sandbox} null when none can run. */
    public ServiceTools(
            Wiring wiring,
            Papers papers,
            LlmModels models,
            Sandbox sandbox,
            UsageStore usage,
            RunCheckpoints checkpoints,
            GuardedHttpClient http) {
        this.wiring = wiring;
        this.config = wiring.config();
        this.checkpoints = checkpoints;
        this.papers = papers;
        this.models = models;
        this.sandbox = sandbox;
        this.usage = usage;
        this.http = http;
        this.hub = wiring.hub(http);
    }

    @Override
    public Paper read(String link) {
        return papers.read(link);
    }

    @Override
    public RelatedWork related(Paper paper) {
        return papers.related(paper);
    }

    @Override
    public Optional<IdeaAgent> ideas(Research research) {
        if (models == null) {
            return Optional.empty();
        }
        return Optional.of(wiring.ideaAgent(
                metered(research), papers::related, config.service().hypotheses()));
    }

    @Override
    public Optional<ExperimentAgent> experiments(Research research, TeamChannel team) {
        if (models == null) {
            return Optional.empty();
        }
        if (sandbox == null) {
            throw new ResearchRefusedException(
                    "no sandbox can run experiments on this machine: see `mlr sandbox status`");
        }
        return Optional.of(wiring.experimentAgent(
                        metered(research), sandbox, config.experiment().maxSteps(), false)
                .team(team)
                .checkpoints(checkpoints)
                .retriever(hub)
                .build());
    }

    @Override
    public Optional<TreeSearch> treeSearch(Research research, TeamChannel team) {
        if (models == null || !"tree".equals(config.experiment().search())) {
            return Optional.empty();
        }
        if (sandbox == null) {
            throw new ResearchRefusedException(
                    "no sandbox can run experiments on this machine: see `mlr sandbox status`");
        }
        return Optional.of(wiring.treeSearch(metered(research), sandbox, wiring.treeSettings())
                .gate(ExperimentGates.gate(config.experiment(), false))
                .team(team)
                .build());
    }

    @Override
    public Optional<ExperimentSetup> setup(Research research) {
        if (models == null) {
            return Optional.empty();
        }
        if (sandbox == null) {
            throw new ResearchRefusedException(
                    "no sandbox can run experiments on this machine: see `mlr sandbox status`");
        }
        return Optional.of(wiring.setup(metered(research), sandbox, http.policy(), hub));
    }

    @Override
    public List<TaskSpec> registeredTasks() {
        Path root = config.service().tasksDir();
        return Files.isDirectory(root) ? Tasks.discover(root) : List.of();
    }

    @Override
    public boolean confirmSetup() {
        return Setups.confirm(config.experiment());
    }

    @Override
    public Path runsRoot() {
        return config.store().dataDir().resolve("runs");
    }

    @Override
    public String howToConfigureModel() {
        return "set ANTHROPIC_API_KEY or OPENAI_API_KEY (or MLR_LLM_PROVIDER=ollama with a local Ollama, or "
                + "openai-compatible with MLR_LLM_BASE_URL) and restart `./mlr serve`";
    }

    private Wiring.Metered metered(Research research) {
        return wiring.metered(models, usage, research.id(), research.team());
    }
}
