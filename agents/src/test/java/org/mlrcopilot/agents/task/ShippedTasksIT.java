package org.mlrcopilot.agents.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mlrcopilot.sandbox.ExecutionRequest;
import org.mlrcopilot.sandbox.ExecutionResult;
import org.mlrcopilot.sandbox.Limits;
import org.mlrcopilot.sandbox.NetworkPolicy;
import org.mlrcopilot.sandbox.SandboxSettings;
import org.mlrcopilot.sandbox.docker.DockerSandbox;

/**
 * Every shipped task in the real Docker sandbox: the baseline its README documents, on all held-out rows and on
 * the valid (even ids) and test (odd ids) halves of eval.py's get_score(path, split), and a better solution that
 * scores better on both halves.
 */
class ShippedTasksIT {

    private static final Limits LIMITS = Limits.defaults().withWallTime(Duration.ofMinutes(2));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SPLITS_PREFIX = "MLR_SPLITS=";
    private static final String SPLITS_SCRIPT = String.join(
            "\n",
            "import sys, json, inspect",
            "sys.path.insert(0, 'scripts')",
            "import eval",
            "import pandas as pd",
            "out = {'hasSplit': 'split' in inspect.signature(eval.get_score).parameters,",
            "       'rows': len(pd.read_csv('env/submission.csv'))}",
            "for name, split in [('all', None), ('valid', 'valid'), ('test', 'test')]:",
            "    out[name] = eval.get_score('env', split=split)",
            "try:",
            "    eval.get_score('env', split='train')",
            "    out['refused'] = ''",
            "except ValueError as e:",
            "    out['refused'] = str(e)",
            "print('" + SPLITS_PREFIX + "' + json.dumps(out))",
            "");

    private static DockerSandbox sandbox;
    private static Evaluator evaluator;

    @TempDir
    Path tmp;

    /** A shipped task, its measured baseline (all, valid, test) and a better train.py. */
    record Shipped(String name, double all, double valid, double test, String better) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Shipped> shipped() {
        return Stream.of(
                new Shipped(
                        "breast-cancer-classifier",
                        0.9035087719298246,
                        0.9035087719298246,
                        0.9035087719298246,
                        classifier(
                                "from sklearn.linear_model import LogisticRegression\n"
                                        + "from sklearn.pipeline import make_pipeline\n"
                                        + "from sklearn.preprocessing import StandardScaler\n",
                                "make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))")),
                new Shipped(
                        "diabetes-regression",
                        54.015851518462846,
                        53.68686476709479,
                        54.34778599088572,
                        String.join(
                                "\n",
                                "import pandas as pd",
                                "from sklearn.linear_model import RidgeCV",
                                "train = pd.read_csv('data/train.csv')",
                                "test = pd.read_csv('data/test_features.csv')",
                                "features = [c for c in train.columns if c != 'target']",
                                "model = RidgeCV(alphas=[0.01, 0.1, 1.0]).fit(train[features], train['target'])",
                                "pd.DataFrame({'id': test['id'], 'target': model.predict(test[features])})"
                                        + ".to_csv('submission.csv', index=False)",
                                "")),
                new Shipped(
                        "digits-classifier",
                        0.9629629629629629,
                        0.9555555555555556,
                        0.9703703703703703,
                        classifier("from sklearn.svm import SVC\n", "SVC()")),
                new Shipped(
                        "wine-classifier",
                        0.6944444444444444,
                        0.6388888888888888,
                        0.75,
                        classifier(
                                "from sklearn.linear_model import LogisticRegression\n"
                                        + "from sklearn.pipeline import make_pipeline\n"
                                        + "from sklearn.preprocessing import StandardScaler\n",
                                "make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))")));
    }

    @BeforeAll
    static void start() {
        sandbox = TaskSandboxes.start("docker", () -> DockerSandbox.start(SandboxSettings.defaults()));
        evaluator = new Evaluator(sandbox, LIMITS);
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void everyShippedTaskIsMeasuredHere() {
        assertThat(shipped().map(Shipped::name))
                .containsExactlyElementsOf(Tasks.discover(TaskFixtures.examples()).stream()
                        .map(TaskSpec::name)
                        .toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shipped")
    void baselineOnAllRowsAndOnTheValidAndTestHalves(Shipped expected) {
        TaskSpec task = Tasks.load(TaskFixtures.examples().resolve(expected.name()));
        Workspace ws = Workspace.create(task, tmp.resolve("run"));

        Score baseline = evaluator.baseline(task, ws);
        ExecutionResult starter = evaluator.runStarter(task, ws);
        JsonNode splits = splits(task, ws);

        assertThat(baseline.value()).isCloseTo(expected.all(), within(1e-9));
        assertThat(starter.succeeded()).as(starter.output()).isTrue();
        assertThat(splits.get("hasSplit").asBoolean()).isTrue();
        assertThat(splits.get("all").asDouble()).isCloseTo(expected.all(), within(1e-9));
        assertThat(splits.get("valid").asDouble()).isCloseTo(expected.valid(), within(1e-9));
        assertThat(splits.get("test").asDouble()).isCloseTo(expected.test(), within(1e-9));
        assertThat(splits.get("refused").asText()).contains("split must be None, 'valid' or 'test'");
        int rows = splits.get("rows").asInt();
        int validRows = (rows + 1) / 2;
        int testRows = rows / 2;
        double all = task.metric().equals("rmse")
                ? Math.sqrt((validRows * square(expected.valid()) + testRows * square(expected.test())) / rows)
                : (validRows * expected.valid() + testRows * expected.test()) / rows;
        assertThat(all).as("the halves together are all held-out rows").isCloseTo(expected.all(), within(1e-9));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shipped")
    void aBetterSolutionScoresBetterOnBothHalves(Shipped expected) {
        TaskSpec task = Tasks.load(TaskFixtures.examples().resolve(expected.name()));
        Workspace ws = Workspace.create(task, tmp.resolve("run"));
        evaluator.prepare(task, ws);
        ws.write("train.py", expected.better());

        ExecutionResult run = evaluator.runStarter(task, ws);
        JsonNode splits = splits(task, ws);

        assertThat(run.succeeded()).as(run.output()).isTrue();
        double valid = splits.get("valid").asDouble();
        double test = splits.get("test").asDouble();
        if (task.direction() == Direction.HIGHER) {
            assertThat(valid).isGreaterThan(expected.valid());
            assertThat(test).isGreaterThan(expected.test());
        } else {
            assertThat(valid).isLessThan(expected.valid());
            assertThat(test).isLessThan(expected.test());
        }
    }

    /** get_score for split None, 'valid' and 'test' (and a refused split) on a staged copy of the workspace. */
    private static JsonNode splits(TaskSpec task, Workspace ws) {
        try (Staging staging = Staging.of(task, ws.dir())) {
            ExecutionResult result =
                    sandbox.run(ExecutionRequest.builder(staging.dir(), List.of("python3", "-c", SPLITS_SCRIPT))
                            .limits(LIMITS)
                            .network(NetworkPolicy.NONE)
                            .build());
            assertThat(result.succeeded()).as(result.output()).isTrue();
            String line = result.output()
                    .lines()
                    .filter(l -> l.startsWith(SPLITS_PREFIX))
                    .reduce((first, second) -> second)
                    .orElseThrow(() -> new AssertionError("no " + SPLITS_PREFIX + " line in:\n" + result.output()));
            return JSON.readTree(line.substring(SPLITS_PREFIX.length()));
        } catch (IOException e) {
            throw new AssertionError("unreadable scores: " + e.getMessage(), e);
        }
    }

    private static String classifier(String imports, String model) {
        return imports
                + String.join(
                        "\n",
                        "import pandas as pd",
                        "train = pd.read_csv('data/train.csv')",
                        "test = pd.read_csv('data/test_features.csv')",
                        "features = [c for c in train.columns if c != 'label']",
                        "model = " + model,
                        "model.fit(train[features], train['label'])",
                        "pd.DataFrame({'id': test['id'], 'label': model.predict(test[features])})"
                                + ".to_csv('submission.csv', index=False)",
                        "");
    }

    private static double square(double x) {
        return x * x;
    }
}
