package org.mlrcopilot.papers.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlrcopilot.agents.experiment.ExperimentAgent;
import org.mlrcopilot.agents.experiment.ExperimentLimits;
import org.mlrcopilot.agents.experiment.ExperimentResult;
import org.mlrcopilot.agents.experiment.FileRunCheckpoints;
import org.mlrcopilot.agents.experiment.RunControl;
import org.mlrcopilot.agents.experiment.StepListener;
import org.mlrcopilot.agents.experiment.TeamChannel;
import org.mlrcopilot.agents.idea.DatasetRef;
import org.mlrcopilot.agents.idea.ExperimentPlan;
import org.mlrcopilot.agents.idea.Hypothesis;
import org.mlrcopilot.agents.research.PlanText;
import org.mlrcopilot.agents.setup.ExperimentSetup;
import org.mlrcopilot.agents.setup.PlanFile;
import org.mlrcopilot.agents.setup.SetupException;
import org.mlrcopilot.agents.setup.SetupListener;
import org.mlrcopilot.agents.setup.SetupReport;
import org.mlrcopilot.agents.setup.SetupRequest;
import org.mlrcopilot.agents.setup.SetupSettings;
import org.mlrcopilot.agents.setup.SetupText;
import org.mlrcopilot.agents.setup.TableConverter;
import org.mlrcopilot.agents.task.Direction;
import org.mlrcopilot.agents.task.Evaluator;
import org.mlrcopilot.agents.task.HeldOut;
import org.mlrcopilot.agents.task.TaskSpec;
import org.mlrcopilot.agents.task.Tasks;
import org.mlrcopilot.papers.fetch.FetchPolicy;
import org.mlrcopilot.papers.fetch.GuardedHttpClient;
import org.mlrcopilot.papers.literature.RelatedWorkFinder;
import org.mlrcopilot.papers.prototype.PrototypeFinder;
import org.mlrcopilot.sandbox.Limits;
import org.mlrcopilot.sandbox.SandboxException;
import org.mlrcopilot.sandbox.SandboxSettings;
import org.mlrcopilot.sandbox.docker.DockerSandbox;

/**
 * The set-up stage end to end: a plan naming a Hub dataset and a GitHub repository becomes a task with that data,
 * a frozen evaluation and a measured baseline (fake Hub and GitHub at the wire, the real Docker sandbox, a scripted
 * model); the experiment loop then improves it, and an agent that rewrites eval.py or the labels cannot move the score.
 */
class ExperimentSetupIT {

    private static final Path SCRIPTS = Path.of("src/test/resources/setup/scripts");
    private static DockerSandbox sandbox;
    private static final Limits LIMITS = Limits.defaults().withWallTime(Duration.ofMinutes(2));

    @TempDir
    Path tmp;

    private final FakeSources sources = new FakeSources();

    @BeforeAll
    static void start() {
        try {
            sandbox = DockerSandbox.start(SandboxSettings.defaults());
        } catch (SandboxException e) {
            if (Boolean.getBoolean("mlr.requireSandboxes")) {
                fail("docker backend is required (mlr.requireSandboxes=true) but cannot start: " + e.getMessage());
            }
            assumeTrue(false, "docker backend unavailable: " + e.getMessage());
        }
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @AfterEach
    void close() throws IOException {
        sources.close();
    }

    static Hypothesis sentimentPlan(String datasetSource) {
        ExperimentPlan plan = new ExperimentPlan(
                "Improve sentiment classification of short movie reviews",
                List.of(new DatasetRef("IMDB mini reviews", datasetSource)),
                List.of("Majority class"),
                List.of("TF-IDF logistic regression"),
                List.of("accuracy"),
                List.of("Split the reviews", "Train the baseline", "Train TF-IDF + logistic regression"),
                new org.mlrcopilot.agents.idea.ComputeEstimate(1, 0),
                "Accuracy 10 points above the baseline");
        return new Hypothesis(
                "H1",
                1,
                "Word n-gram features beat the majority class on movie reviews",
                "TF-IDF unigrams and bigrams with logistic regression",
                "Sentiment words are strong cues",
                "Higher accuracy",
                List.of(),
                plan,
                null,
                "",
                List.of());
    }

    static Hypothesis withModel(Hypothesis h, String model) {
        ExperimentPlan p = h.plan();
        List<String> models = new java.util.ArrayList<>(p.models());
        models.add(model);
        return new Hypothesis(
                h.id(),
                h.version(),
                h.title(),
                h.method(),
                h.rationale(),
                h.expectedOutcome(),
                h.risks(),
                new ExperimentPlan(
                        p.objective(),
                        p.datasets(),
                        p.baselines(),
                        models,
                        p.metrics(),
                        p.procedure(),
                        p.compute(),
                        p.successCriterion()),
                null,
                "",
                List.of());
    }

    private ExperimentSetup setup(ScriptedModel model, SetupSettings settings) {
        return new ExperimentSetup(
                model,
                sandbox,
                LIMITS,
                new HubDownloads(
                        FetchPolicy.defaults().withAllowPrivateAddresses(true), TableConverter.none(), settings),
                (plan, tasks) -> ranker().rankTasks(plan, tasks),
                settings);
    }

    private static PrototypeFinder ranker() {
        return new PrototypeFinder(
                new GuardedHttpClient(FetchPolicy.defaults()),
                URI.create("http://127.0.0.1:9"),
                "",
                RelatedWorkFinder.localEmbeddings(),
                Duration.ofSeconds(5));
    }

    private SetupSettings settings() {
        return SetupSettings.defaults().withHub(sources.hub(), "").withGithub(sources.github());
    }

    private static String script(String name) throws IOException {
        return Files.readString(SCRIPTS.resolve(name));
    }

    @Test
    void aPlanNamingAHubDatasetBecomesATaskTheLoopImprovesAndNobodyCanBend() throws IOException {
        sources.dataset(
                "imdb-mini/reviews",
                "apache-2.0",
                Map.of("data/train.csv", Files.readAllBytes(SCRIPTS.resolve("../reviews.csv"))));
        sources.repository("acme/ngram-sentiment", Map.of("README.md", "# n-gram sentiment", "model.py", "NGRAMS = 2"));
        sources.model(
                "acme/tiny-sentiment",
                Map.of("config.json", "{\"labels\": 2}".getBytes(), "model.safetensors", new byte[64]),
                Map.of());
        String leaking = script("split.py")
                .replace(
                        "print(",
                        "test[[\"id\", \"label\"]].to_csv(\"env/data/labels.csv\"," + " index=False)\nprint(");
        ScriptedModel model = new ScriptedModel()
                .tool("list_files", Map.of("dir_path", "raw"))
                .tool("read_file", Map.of("file_name", "raw/imdb-mini_reviews/data/train.csv"))
                .tool("write_file", Map.of("file_name", "split.py", "content", leaking))
                .tool("execute_script", Map.of("script_name", "split.py"))
                .tool("write_file", Map.of("file_name", "eval.py", "content", script("eval.py")))
                .tool("write_file", Map.of("file_name", "env/train.py", "content", script("train_majority.py")))
                .tool("execute_script", Map.of("script_name", "env/train.py"))
                .tool(
                        "finish_setup",
                        Map.of(
                                "metric",
                                "accuracy",
                                "direction",
                                "higher",
                                "summary",
                                "env/data/train.csv (text,label), env/data/test_features.csv (id,text); train.py predicts the "
                                        + "majority label into submission.csv (id,label)"))
                .tool("write_file", Map.of("file_name", "split.py", "content", script("split.py")))
                .tool(
                        "finish_setup",
                        Map.of(
                                "metric",
                                "accuracy",
                                "direction",
                                "higher",
                                "summary",
                                "env/data/train.csv (text,label), env/data/test_features.csv (id,text); train.py predicts the "
                                        + "majority label into submission.csv (id,label)"));
        Hypothesis h = withModel(sentimentPlan("imdb-mini/reviews"), "acme/tiny-sentiment");
        Path runDir = tmp.resolve("run-1");
        TaskSpec digits = Tasks.load(Path.of("../tasks/digits-classifier"));

        SetupReport report = setup(model, settings())
                .prepare(
                        new SetupRequest(
                                h,
                                PlanText.of(h),
                                List.of("https://github.com/acme/ngram-sentiment"),
                                Map.of(),
                                List.of(digits),
                                runDir,
                                ""),
                        SetupListener.ignore());

        assertThat(model.left()).isZero();
        assertThat(model.toolResults())
                .anySatisfy(
                        r -> assertThat(r).contains("The set-up is not ready").contains("copy of a held-out file"));
        assertThat(model.toolResults()).anySatisfy(r -> assertThat(r).contains("train 180 rows, held out 60 rows"));
        assertThat(model.requests.get(0).messages().get(1).toString())
                .contains("raw/imdb-mini_reviews/data/train.csv")
                .contains("acme/ngram-sentiment under prototype/");
        assertThat(report.registered()).isFalse();
        assertThat(report.why()).contains("no registered task fits the plan").contains("experiment.taskMatch");
        assertThat(report.datasets()).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo("imdb-mini/reviews");
            assertThat(d.license()).isEqualTo("apache-2.0");
            assertThat(d.revision()).isEqualTo(FakeSources.SHA);
        });
        assertThat(report.code().repository()).isEqualTo("acme/ngram-sentiment");
        assertThat(report.metric()).isEqualTo("accuracy");
        assertThat(report.direction()).isEqualTo(Direction.HIGHER);
        assertThat(report.baseline()).isEqualTo(0.5);
        TaskSpec task = report.task();
        assertThat(task.root()).isEqualTo(runDir.resolve("task"));
        assertThat(task.scriptsDir().resolve("hidden/test_labels.csv")).exists();
        assertThat(task.envDir().resolve("data/labels.csv")).doesNotExist();
        assertThat(task.envDir().resolve("data/test_features.csv")).content().doesNotContain(",pos", ",neg");
        assertThat(task.envDir().resolve("prototype/model.py")).hasContent("NGRAMS = 2");
        assertThat(report.models())
                .singleElement()
                .satisfies(m -> assertThat(m.id()).isEqualTo("acme/tiny-sentiment"));
        assertThat(task.envDir().resolve("models/acme_tiny-sentiment/model.safetensors"))
                .hasSize(64);
        assertThat(task.readOnlyGlobs()).contains("models/**");
        assertThat(SetupText.of(report, false)).contains("Model: acme/tiny-sentiment@4f1c2e0");
        assertThat(task.envDir().resolve("submission.csv")).doesNotExist();
        assertThat(task.readOnlyGlobs()).contains("data/**", "prototype/**");
        assertThat(task.researchProblem()).contains("Word n-gram features").contains("accuracy (higher is better)");

        ScriptedModel loop = new ScriptedModel()
                .tool("write_file", Map.of("file_name", "train.py", "content", script("train_tfidf.py")))
                .tool("execute_script", Map.of("script_name", "train.py"))
                .tool("final_answer", Map.of("answer", "TF-IDF with logistic regression beats the majority class."));
        ExperimentResult improved =
                agent(loop, tmp.resolve("ck1")).run(task, PlanText.of(h), tmp.resolve("run-2"), StepListener.ignore());
        assertThat(improved.baseline()).isEqualTo(0.5);
        assertThat(improved.finalScore()).isGreaterThan(0.8);

        ScriptedModel cheat = new ScriptedModel()
                .tool("write_file", Map.of("file_name", "cheat.py", "content", script("cheat.py")))
                .tool("execute_script", Map.of("script_name", "cheat.py"))
                .tool("write_file", Map.of("file_name", "data/test_features.csv", "content", "id,text\n"))
                .tool("final_answer", Map.of("answer", "Perfect accuracy."));
        ExperimentResult bent =
                agent(cheat, tmp.resolve("ck2")).run(task, PlanText.of(h), tmp.resolve("run-3"), StepListener.ignore());
        assertThat(tmp.resolve("run-3/workspace/eval.py")).content().contains("return 1.0");
        assertThat(bent.finalScore())
                .as("the frozen evaluation scores the all-'pos' predictions")
                .isEqualTo(0.5);
        assertThat(task.scriptsDir().resolve("eval.py")).hasSameTextualContentAs(SCRIPTS.resolve("eval.py"));
    }

    @Test
    void anEvaluationWithASplitMustScoreEachHalfBeforeTheSetUpIsReady() throws IOException {
        sources.dataset(
                "imdb-mini/reviews",
                "apache-2.0",
                Map.of("data/train.csv", Files.readAllBytes(SCRIPTS.resolve("../reviews.csv"))));
        String split = script("eval.py")
                .replace("def get_score(path):", "def get_score(path, split=None):")
                .replace(
                        "    return float(",
                        "    merged = merged.sort_values(\"id\").reset_index(drop=True)\n"
                                + "    if split == \"valid\":\n        merged = merged.iloc[0::2]\n"
                                + "    elif split == \"test\":\n        merged = merged.iloc[1::2]\n"
                                + "    elif split is not None:\n        raise ValueError(split)\n    return float(");
        String broken = split.replace("merged.iloc[0::2]", "merged.iloc[0::2].nonesuch");
        Map<String, String> finish =
                Map.of("metric", "accuracy", "direction", "higher", "summary", "majority baseline on movie reviews");
        ScriptedModel model = new ScriptedModel()
                .tool("write_file", Map.of("file_name", "split.py", "content", script("split.py")))
                .tool("write_file", Map.of("file_name", "eval.py", "content", broken))
                .tool("write_file", Map.of("file_name", "env/train.py", "content", script("train_majority.py")))
                .tool("finish_setup", finish)
                .tool("write_file", Map.of("file_name", "eval.py", "content", split))
                .tool("finish_setup", finish);
        Hypothesis h = sentimentPlan("imdb-mini/reviews");

        SetupReport report = setup(model, settings())
                .prepare(
                        new SetupRequest(h, PlanText.of(h), List.of(), Map.of(), List.of(), tmp.resolve("run-1"), ""),
                        SetupListener.ignore());

        assertThat(model.left()).isZero();
        assertThat(model.toolResults())
                .anySatisfy(
                        r -> assertThat(r).contains("The set-up is not ready").contains("nonesuch"));
        assertThat(HeldOut.separates(report.task())).isTrue();
        assertThat(model.requests.get(0).messages().get(0).toString()).contains("get_score(path, split=None)");
    }

    @Test
    void aPlanWhoseDatasetCannotBeFetchedBuildsNothingAndSaysWhatToDo() {
        sources.huge("big/corpus", Map.of("data/train.csv", 900_000_000L));
        ScriptedModel model = new ScriptedModel();
        Hypothesis missing = sentimentPlan("nobody/no-such-dataset");
        Hypothesis large = sentimentPlan("big/corpus");

        assertThatThrownBy(() -> setup(model, settings())
                        .prepare(
                                new SetupRequest(
                                        missing,
                                        PlanText.of(missing),
                                        List.of(),
                                        Map.of(),
                                        List.of(),
                                        tmp.resolve("a"),
                                        ""),
                                SetupListener.ignore()))
                .isInstanceOf(SetupException.class)
                .hasMessageContaining("no dataset of the plan could be fetched")
                .hasMessageContaining("has no dataset nobody/no-such-dataset")
                .hasMessageContaining("attach a file");
        assertThatThrownBy(() -> setup(model, settings())
                        .prepare(
                                new SetupRequest(
                                        large,
                                        PlanText.of(large),
                                        List.of(),
                                        Map.of(),
                                        List.of(),
                                        tmp.resolve("b"),
                                        ""),
                                SetupListener.ignore()))
                .isInstanceOf(SetupException.class)
                .hasMessageContaining("too large: 900.0 MB")
                .hasMessageContaining("raise experiment.maxDatasetBytes");
        assertThat(model.requests).isEmpty();
        assertThat(tmp.resolve("a/task")).doesNotExist();
    }

    @Test
    void aRegisteredTaskThatFitsThePlanIsUsedAndSaid() {
        Hypothesis digits = PlanFile.read(Path.of("../agents/src/test/resources/setup/plans/digits-svm.json"), "");
        List<TaskSpec> registered = Tasks.discover(Path.of("../tasks"));
        ScriptedModel model = new ScriptedModel();

        SetupReport report = setup(model, settings())
                .prepare(
                        new SetupRequest(
                                digits, PlanText.of(digits), List.of(), Map.of(), registered, tmp.resolve("r"), ""),
                        SetupListener.ignore());

        assertThat(report.registered()).isTrue();
        assertThat(report.task().name()).isEqualTo("digits-classifier");
        assertThat(report.why())
                .contains("registered task digits-classifier fits the plan")
                .contains("similarity");
        assertThat(report.similarity())
                .isGreaterThanOrEqualTo(SetupSettings.defaults().taskMatch());
        assertThat(model.requests).isEmpty();
        assertThat(sources.requests).isEmpty();
    }

    private ExperimentAgent agent(ScriptedModel main, Path checkpoints) {
        return ExperimentAgent.builder(main, new ScriptedModel(), sandbox)
                .evaluator(new Evaluator(sandbox, LIMITS))
                .limits(ExperimentLimits.defaults().withMaxSteps(8).withExecution(LIMITS))
                .team(new Team())
                .checkpoints(new FileRunCheckpoints(checkpoints))
                .build();
    }

    /** A team that never writes. */
    static final class Team implements TeamChannel {
        @Override
        public List<String> feedbackSince(int step) {
            return List.of();
        }

        @Override
        public String answer(String question) {
            return "go ahead";
        }

        @Override
        public boolean approve(String description) {
            return true;
        }

        @Override
        public RunControl control() {
            return RunControl.RUNNING;
        }
    }
}
