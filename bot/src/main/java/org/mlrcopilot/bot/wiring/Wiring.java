package org.mlrcopilot.bot.wiring;

import dev.langchain4j.model.chat.ChatModel;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import org.mlrcopilot.agents.experiment.ExperimentAgent;
import org.mlrcopilot.agents.experiment.ExperimentLimits;
import org.mlrcopilot.agents.experiment.tree.TreeSearch;
import org.mlrcopilot.agents.experiment.tree.TreeSettings;
import org.mlrcopilot.agents.idea.IdeaAgent;
import org.mlrcopilot.agents.idea.IdeaSettings;
import org.mlrcopilot.agents.idea.RelatedWorkSearch;
import org.mlrcopilot.agents.setup.ExperimentSetup;
import org.mlrcopilot.agents.task.Evaluator;
import org.mlrcopilot.agents.usage.Budget;
import org.mlrcopilot.agents.usage.MeteredChatModel;
import org.mlrcopilot.agents.usage.UsageContext;
import org.mlrcopilot.agents.usage.UsageStore;
import org.mlrcopilot.bot.llm.LlmModels;
import org.mlrcopilot.bot.llm.LlmProviders;
import org.mlrcopilot.bot.papers.Papers;
import org.mlrcopilot.bot.sandbox.Sandboxes;
import org.mlrcopilot.config.BudgetConfig;
import org.mlrcopilot.config.ExperimentConfig;
import org.mlrcopilot.config.MlrConfig;
import org.mlrcopilot.papers.fetch.FetchPolicy;
import org.mlrcopilot.papers.fetch.GuardedHttpClient;
import org.mlrcopilot.sandbox.Sandbox;
import org.mlrcopilot.sandbox.auto.SandboxSelector;

/**
 * Builds the components of a research from the configuration, in one place: the metering of model use against the
 * budgets, the idea agent, the experiment agent and set-up, the paper tools, the outbound HTTP client and the Hugging
 * Face look-ups. The service and the command-line commands build through it alike.
 */
public final class Wiring {

    private final MlrConfig config;
    private final Clock clock;

    public Wiring(MlrConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public MlrConfig config() {
        return config;
    }

    /** The configured language models (main and fast), empty when none is configured. */
    public java.util.Optional<LlmModels> models() {
        return LlmProviders.fromConfig(config.llm());
    }

    /** The sandbox backend the configuration selects, or why none can run. */
    public SandboxSelector.Selection sandbox() {
        return Sandboxes.select(config);
    }

    /** The models of one research (or one command), metered against the budgets under {@code researchId}. */
    public record Metered(UsageContext context, ChatModel main, ChatModel fast, LlmModels models) {}

    /** Meters the use of {@code models} by {@code researchId} of {@code team} into {@code usage}. */
    public Metered metered(LlmModels models, UsageStore usage, String researchId, String team) {
        UsageContext context = new UsageContext(
                researchId,
                team,
                usage,
                Prices.table(config.budget().prices()),
                budget(config.budget()),
                clock,
                models.cachedTokens());
        return new Metered(
                context,
                new MeteredChatModel(models.main(), "main", context),
                new MeteredChatModel(models.fast(), "fast", context),
                models);
    }

    /** The idea agent proposing {@code hypotheses} hypotheses, with related work from {@code related}. */
    public IdeaAgent ideaAgent(Metered m, RelatedWorkSearch related, int hypotheses) {
        IdeaSettings d = IdeaSettings.defaults();
        return new IdeaAgent(
                m.main(),
                m.fast(),
                related,
                new IdeaSettings(hypotheses, d.relatedInPrompt(), d.maxPaperChars(), d.maxAbstractChars()));
    }

    /**
     * An experiment agent on {@code sandbox}: its steps, wall time and execution limits, its evaluation, its
     * approval gates ({@code copilot}: every step) and cost gate from the configuration; the caller adds the team
     * and where checkpoints go.
     */
    public ExperimentAgent.Builder experimentAgent(Metered m, Sandbox sandbox, int maxSteps, boolean copilot) {
        ExperimentLimits limits = ExperimentLimits.defaults()
                .withMaxSteps(maxSteps)
                .withWallTime(config.experiment().wallTime())
                .withExecution(Sandboxes.limits(config.sandbox()));
        return ExperimentAgent.builder(m.main(), m.fast(), sandbox)
                .evaluator(new Evaluator(sandbox, Sandboxes.limits(config.sandbox())))
                .limits(limits)
                .gate(ExperimentGates.gate(config.experiment(), copilot))
                .clock(clock)
                .costGate(ExperimentGates.costGate(config, m.models().mainModel()));
    }

    /**
     * A tree search on {@code sandbox} with {@code settings}: its wall time and execution limits, its evaluation and
     * the prices of its nodes from the configuration; the caller adds the team.
     */
    public TreeSearch.Builder treeSearch(Metered m, Sandbox sandbox, TreeSettings settings) {
        ExperimentLimits limits = ExperimentLimits.defaults()
                .withWallTime(config.experiment().wallTime())
                .withExecution(Sandboxes.limits(config.sandbox()));
        return TreeSearch.builder(m.main(), sandbox)
                .evaluator(new Evaluator(sandbox, Sandboxes.limits(config.sandbox())))
                .limits(limits)
                .settings(settings)
                .clock(clock)
                .prices(m.context().prices());
    }

    /** The tree search's knobs as configured (experiment.drafts, workers, maxNodes, debugDepth, ...). */
    public TreeSettings treeSettings() {
        ExperimentConfig e = config.experiment();
        return new TreeSettings(
                e.drafts(),
                e.workers(),
                e.maxNodes(),
                e.debugDepth(),
                e.debugProbability(),
                "sampled".equals(e.selection()),
                clock.millis(),
                e.seeds());
    }

    /** The experiment set-up stage on {@code sandbox}, finding models and datasets through {@code hub}. */
    public ExperimentSetup setup(Metered m, Sandbox sandbox, FetchPolicy policy, HubModelRetriever hub) {
        return Setups.of(config, m.main(), sandbox, policy, hub);
    }

    /** The guarded client every outbound fetch goes through, with the configuration's rules. */
    public GuardedHttpClient http() {
        return new GuardedHttpClient(Papers.policy(config.fetch()));
    }

    /** Model, dataset and task look-ups on the Hugging Face Hub, through {@code http}. */
    public HubModelRetriever hub(GuardedHttpClient http) {
        return new HubModelRetriever(
                http,
                URI.create(config.papers().huggingFaceUrl()),
                config.research().huggingFaceToken().reveal());
    }

    static Budget budget(BudgetConfig b) {
        return new Budget(b.perResearchUsd(), b.perDayUsd(), b.perResearchTokens(), b.perDayTokens());
    }
}
