package org.mlrcopilot.agents.research;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.mlrcopilot.agents.experiment.ExperimentAgent;
import org.mlrcopilot.agents.experiment.ExperimentLimits;
import org.mlrcopilot.agents.experiment.FakeSandbox;
import org.mlrcopilot.agents.experiment.RunCheckpoints;
import org.mlrcopilot.agents.experiment.TeamChannel;
import org.mlrcopilot.agents.experiment.tree.TreeSearch;
import org.mlrcopilot.agents.experiment.tree.TreeSettings;
import org.mlrcopilot.agents.idea.IdeaAgent;
import org.mlrcopilot.agents.idea.IdeaSettings;
import org.mlrcopilot.agents.literature.RelatedPaper;
import org.mlrcopilot.agents.literature.RelatedWork;
import org.mlrcopilot.agents.literature.SourceStatus;
import org.mlrcopilot.agents.paper.Paper;
import org.mlrcopilot.agents.paper.PaperIds;
import org.mlrcopilot.agents.paper.Section;
import org.mlrcopilot.agents.prototype.TaskMatch;
import org.mlrcopilot.agents.setup.ExperimentSetup;
import org.mlrcopilot.agents.setup.SetupSettings;
import org.mlrcopilot.agents.task.Evaluator;
import org.mlrcopilot.agents.task.TaskSpec;
import org.mlrcopilot.agents.task.Tasks;
import org.mlrcopilot.sandbox.Limits;

/**
 * The service's outside world for tests, without a network: one paper, fixed related work, an idea agent and an
 * experiment agent on scripted models (none when the model is null), one registered task every plan fits, and a
 * sandbox that only pretends to run.
 */
final class TestTools implements ResearchTools {

    static final String LINK = "https://arxiv.org/abs/2408.14033";
    static final String HOW_TO_CONFIGURE = "configure a test model";

    private final Path dir;
    private final RunCheckpoints checkpoints;
    private final TaskSpec task;
    private final FakeSandbox sandbox = new FakeSandbox();
    /** The model of the idea agent; null: no language model. */
    volatile ScriptedModel ideas;
    /** The model of the experiment agent; null: no language model. */
    volatile ScriptedModel experiments;
    /** The model of the tree search; null: runs use the agent loop. */
    volatile ScriptedModel tree;
    /** The tree search's knobs. */
    volatile TreeSettings treeSettings = TreeSettings.defaults().withDrafts(2).withMaxNodes(3);
    /** When the tree search asks the team before running code. */
    volatile org.mlrcopilot.agents.experiment.ApprovalGate treeGate =
            org.mlrcopilot.agents.experiment.ApprovalGate.NONE;
    /** What reading the paper throws, null to read it. */
    volatile RuntimeException readFailure;
    /** How many reads throw {@link #readFailure}; negative: every read. */
    final java.util.concurrent.atomic.AtomicInteger failingReads = new java.util.concurrent.atomic.AtomicInteger(-1);

    TestTools(Path dir, RunCheckpoints checkpoints) {
        this.dir = dir;
        this.checkpoints = checkpoints;
        this.task = Tasks.load(task(dir.resolve("tasks").resolve("digits")));
    }

    static Paper paper() {
        return new Paper(
                new PaperIds("2408.14033", "v3", "", "", ""),
                "MLR-Copilot: Autonomous Machine Learning Research based on Large Language Models Agents",
                List.of("R. Li", "T. Patel"),
                "Machine learning research, crucial for technological advancements, " + "is labor-intensive.",
                List.of(new Section(
                        "1 Introduction", 1, "IdeaAgent proposes hypotheses; " + "ExperimentAgent runs them.")),
                List.of("[1] MLAgentBench"),
                List.of("https://github.com/du-nlp-lab/MLR-Copilot"),
                "arxiv-html",
                LINK,
                "");
    }

    static RelatedWork relatedWork() {
        return new RelatedWork(
                List.of(new RelatedPaper(
                        "MLAgentBench",
                        2024,
                        "Agents run ML experiments.",
                        List.of("Q. Huang"),
                        "https://arxiv.org/abs/2310.03302",
                        "2310.03302",
                        null,
                        "openalex",
                        0.9)),
                List.of(new SourceStatus("openalex", true, "1 result", 5)));
    }

    TaskSpec task() {
        return task;
    }

    private final java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();

    /** How many times a paper was read. */
    int reads() {
        return reads.get();
    }

    @Override
    public Paper read(String link) {
        reads.incrementAndGet();
        RuntimeException failure = readFailure;
        if (failure != null && (failingReads.get() < 0 || failingReads.getAndDecrement() > 0)) {
            throw failure;
        }
        return paper();
    }

    @Override
    public RelatedWork related(Paper paper) {
        return relatedWork();
    }

    @Override
    public Optional<IdeaAgent> ideas(Research research) {
        ScriptedModel model = ideas;
        return model == null
                ? Optional.empty()
                : Optional.of(new IdeaAgent(model, model, query -> relatedWork(), IdeaSettings.defaults()));
    }

    @Override
    public Optional<ExperimentAgent> experiments(Research research, TeamChannel team) {
        ScriptedModel model = experiments;
        return model == null
                ? Optional.empty()
                : Optional.of(ExperimentAgent.builder(model, model, sandbox)
                        .evaluator(new Evaluator(sandbox, Limits.defaults()))
                        .limits(ExperimentLimits.defaults().withMaxSteps(10))
                        .team(team)
                        .checkpoints(checkpoints)
                        .build());
    }

    @Override
    public Optional<TreeSearch> treeSearch(Research research, TeamChannel team) {
        ScriptedModel model = tree;
        return model == null
                ? Optional.empty()
                : Optional.of(TreeSearch.builder(model, sandbox)
                        .evaluator(new Evaluator(sandbox, Limits.defaults()))
                        .settings(treeSettings)
                        .gate(treeGate)
                        .team(team)
                        .build());
    }

    FakeSandbox sandbox() {
        return sandbox;
    }

    /** The registered task fits every plan, so the set-up takes it without a model call. */
    @Override
    public Optional<ExperimentSetup> setup(Research research) {
        ScriptedModel model = experiments;
        return model == null
                ? Optional.empty()
                : Optional.of(new ExperimentSetup(
                        model,
                        sandbox,
                        Limits.defaults(),
                        new NoDownloads(),
                        (plan, tasks) -> tasks.stream()
                                .map(t -> new TaskMatch(t.name(), 1.0))
                                .toList(),
                        SetupSettings.defaults()));
    }

    /** The registered task needs nothing from the network: any download is a mistake of the test. */
    private static final class NoDownloads implements org.mlrcopilot.agents.setup.SetupDownloads {

        @Override
        public org.mlrcopilot.agents.setup.DatasetResolution dataset(
                org.mlrcopilot.agents.idea.DatasetRef ref,
                java.util.Map<String, java.nio.file.Path> attachments,
                java.nio.file.Path rawDir,
                long budget) {
            throw new AssertionError("no dataset download expected: " + ref);
        }

        @Override
        public boolean isData(String fileName) {
            return false;
        }

        @Override
        public Optional<String[]> codeRepository(List<String> links) {
            return Optional.empty();
        }

        @Override
        public org.mlrcopilot.agents.setup.CodeRecord code(
                String owner, String repo, String link, java.nio.file.Path target) {
            throw new AssertionError("no code download expected: " + link);
        }

        @Override
        public List<String> modelIds(List<String> models) {
            return List.of();
        }

        @Override
        public Optional<org.mlrcopilot.agents.setup.ModelRecord> model(
                String id, java.nio.file.Path dir, long budget, java.util.function.Consumer<String> notes) {
            throw new AssertionError("no model download expected: " + id);
        }

        @Override
        public String directoryName(String id) {
            return id.replace('/', '_');
        }

        @Override
        public void close() {}
    }

    @Override
    public List<TaskSpec> registeredTasks() {
        return List.of(task);
    }

    @Override
    public boolean confirmSetup() {
        return false;
    }

    @Override
    public Path runsRoot() {
        return dir.resolve("runs");
    }

    @Override
    public String howToConfigureModel() {
        return HOW_TO_CONFIGURE;
    }

    private static Path task(Path root) {
        write(root.resolve("env/train.py"), "print('training accuracy: 0.5000')\n");
        write(root.resolve("env/data/train.csv"), "x,label\n1,0\n");
        write(root.resolve("scripts/research_problem.txt"), "Improve the accuracy of the digits classifier.\n");
        write(root.resolve("scripts/eval.py"), "def get_score(path):\n    return 0.5\n");
        write(root.resolve("scripts/read_only_files.txt"), "data/*\n");
        write(root.resolve("scripts/task.yaml"), "run: python3 train.py\nmetric: accuracy\ndirection: higher\n");
        return root;
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
