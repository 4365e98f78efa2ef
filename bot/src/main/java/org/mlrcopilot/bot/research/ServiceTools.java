package org.mlrcopilot.bot.research;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.mlrcopilot.agents.experiment.ExperimentAgent;
import org.mlrcopilot.agents.experiment.ExperimentLimits;
import org.mlrcopilot.agents.experiment.RunCheckpoints;
import org.mlrcopilot.agents.experiment.TeamChannel;
import org.mlrcopilot.agents.idea.IdeaAgent;
import org.mlrcopilot.agents.idea.IdeaSettings;
import org.mlrcopilot.agents.literature.RelatedWork;
import org.mlrcopilot.agents.paper.Paper;
import org.mlrcopilot.agents.research.Research;
import org.mlrcopilot.agents.research.ResearchRefusedException;
import org.mlrcopilot.agents.research.ResearchTools;
import org.mlrcopilot.agents.setup.ExperimentSetup;
import org.mlrcopilot.agents.task.Evaluator;
import org.mlrcopilot.agents.task.TaskSpec;
import org.mlrcopilot.agents.task.Tasks;
import org.mlrcopilot.agents.usage.Budget;
import org.mlrcopilot.agents.usage.MeteredChatModel;
import org.mlrcopilot.agents.usage.UsageContext;
import org.mlrcopilot.agents.usage.UsageStore;
import org.mlrcopilot.bot.llm.LlmModels;
import org.mlrcopilot.bot.papers.PaperTools;
import org.mlrcopilot.bot.sandbox.Sandboxes;
import org.mlrcopilot.config.BudgetConfig;
import org.mlrcopilot.config.MlrConfig;
import org.mlrcopilot.papers.fetch.GuardedHttpClient;
import org.mlrcopilot.sandbox.Sandbox;

/** The service's tools wired from configuration: papers, related work, metered agents, tasks, the sandbox. */
public final class ServiceTools implements ResearchTools {

    private final MlrConfig config;
    private final PaperTools papers;
    private final LlmModels models;
    private final Sandbox sandbox;
    private final UsageStore usage;
    private final RunCheckpoints checkpoints;
    private final HubModelRetriever hub;
    private final Clock clock;
    private final GuardedHttpClient http;

    /** {@code models} null when no language model is configured; {@code sandbox} null when none can run. */
    public ServiceTools(MlrConfig config, PaperTools papers, LlmModels models, Sandbox sandbox, UsageStore usage,
            RunCheckpoints checkpoints, GuardedHttpClient http, Clock clock) {
        this.checkpoints = checkpoints;
        this.config = config;
        this.papers = papers;
        this.models = models;
        this.sandbox = sandbox;
        this.usage = usage;
        this.clock = clock;
        this.http = http;
        this.hub = new HubModelRetriever(http, URI.create(config.papers().huggingFaceUrl()),
                config.research().huggingFaceToken().reveal());
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
        UsageContext context = context(research);
        IdeaSettings d = IdeaSettings.defaults();
        return Optional.of(new IdeaAgent(new MeteredChatModel(models.main(), "main", context),
                new MeteredChatModel(models.fast(), "fast", context), papers::related,
                new IdeaSettings(config.service().hypotheses(), d.relatedInPrompt(), d.maxPaperChars(),
                        d.maxAbstractChars())));
    }

    @Override
    public Optional<ExperimentAgent> experiments(Research research, TeamChannel team) {
        if (models == null) {
            return Optional.empty();
        }
        if (sandbox == null) {
            throw new ResearchRefusedException("no sandbox can run experiments on this machine: see `mlr sandbox status`");
        }
        UsageContext context = context(research);
        ExperimentLimits limits = ExperimentLimits.defaults().withMaxSteps(config.experiment().maxSteps())
                .withWallTime(config.experiment().wallTime()).withExecution(Sandboxes.limits(config.sandbox()));
        return Optional.of(new ExperimentAgent(new MeteredChatModel(models.main(), "main", context),
                new MeteredChatModel(models.fast(), "fast", context), sandbox,
                new Evaluator(sandbox, Sandboxes.limits(config.sandbox())), limits, team, checkpoints,
                ExperimentGates.gate(config.experiment(), false), clock, hub,
                ExperimentGates.costGate(config, models.mainModel())));
    }

    @Override
    public Optional<ExperimentSetup> setup(Research research) {
        if (models == null) {
            return Optional.empty();
        }
        if (sandbox == null) {
            throw new ResearchRefusedException("no sandbox can run experiments on this machine: see `mlr sandbox status`");
        }
        return Optional.of(Setups.of(config, new MeteredChatModel(models.main(), "main", context(research)), sandbox,
                http.policy(), hub));
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

    private UsageContext context(Research research) {
        return new UsageContext(research.id(), research.team(), usage, Prices.table(config.budget().prices()),
                budget(config.budget()), clock, models.cachedTokens());
    }

    static Budget budget(BudgetConfig b) {
        return new Budget(b.perResearchUsd(), b.perDayUsd(), b.perResearchTokens(), b.perDayTokens());
    }
}
