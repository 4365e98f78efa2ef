package org.mlrcopilot.agents.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlrcopilot.agents.task.Evaluator;
import org.mlrcopilot.agents.task.TaskSpec;
import org.mlrcopilot.agents.task.Tasks;
import org.mlrcopilot.sandbox.Limits;
import org.mlrcopilot.sandbox.SandboxSettings;
import org.mlrcopilot.sandbox.docker.DockerSandbox;

/** Scripted runs of the agent on the digits task in the real Docker sandbox. */
class ExperimentAgentIT {

    private static final Pattern VALIDATION = Pattern.compile("validation accuracy: (\\d\\.\\d{4})");
    private static DockerSandbox sandbox;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        sandbox = ExperimentSandboxes.start("docker", () -> DockerSandbox.start(SandboxSettings.defaults()));
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void improvesTheDigitsClassifierAndReportsOnlyPrintedNumbers() throws IOException {
        ScriptedChatModel main = new ScriptedChatModel()
                .tool("read_file", Map.of("file_name", "train.py"))
                .tool("write_file", Map.of("file_name", "train.py", "content", resource("train_svc.py")))
                .tool("execute_script", Map.of("script_name", "train.py"))
                .toolFrom(
                        "final_answer",
                        user -> Map.of(
                                "answer",
                                "Replaced logistic regression with an RBF SVC; " + "validation accuracy "
                                        + printedValidation(user) + "."));

        ExperimentResult result =
                agent(main, tmp).run(digits(), "Try an SVM.", tmp.resolve("run"), StepListener.ignore());

        assertThat(result.stopReason().text()).isEqualTo("final-answer");
        assertThat(result.baseline()).isBetween(0.8, 0.99);
        assertThat(result.finalScore()).isGreaterThan(result.baseline());
        assertThat(result.improvementPct()).isPositive();
        assertThat(result.flaggedClaims()).isEmpty();
        assertThat(result.artifacts()).contains("submission.csv");
        assertThat(result.diff()).contains("SVC");
        assertThat(main.user(1)).contains("LogisticRegression(max_iter=20)");
        assertThat(tmp.resolve("run/outputs/step-3.txt")).content().contains("validation accuracy:");
        assertThat(Files.readAllLines(result.trace())).hasSize(4);
    }

    @Test
    void aCrashingScriptsTracebackReachesTheNextRequestAndIsFixed() throws IOException {
        String broken = resource("train_svc.py").replace("model.fit(x_fit, y_fit)", "model.fit(x_fit, y_fitt)");
        ScriptedChatModel main = new ScriptedChatModel()
                .tool("write_file", Map.of("file_name", "train.py", "content", broken))
                .tool("execute_script", Map.of("script_name", "train.py"))
                .tool("write_file", Map.of("file_name", "train.py", "content", resource("train_svc.py")))
                .tool("execute_script", Map.of("script_name", "train.py"))
                .toolFrom(
                        "final_answer",
                        user -> Map.of(
                                "answer", "Fixed the typo; validation accuracy " + printedValidation(user) + "."));

        ExperimentResult result =
                agent(main, tmp).run(digits(), "Try an SVM.", tmp.resolve("run"), StepListener.ignore());

        assertThat(main.user(2))
                .contains("exit code: 1")
                .contains("Traceback")
                .contains("NameError")
                .contains("y_fitt");
        assertThat(result.stopReason().text()).isEqualTo("final-answer");
        assertThat(result.finalScore()).isGreaterThan(result.baseline());
        assertThat(result.flaggedClaims()).isEmpty();
    }

    private static ExperimentAgent agent(ScriptedChatModel main, Path dir) {
        ExperimentLimits limits = ExperimentLimits.defaults()
                .withMaxSteps(10)
                .withExecution(Limits.defaults().withWallTime(Duration.ofMinutes(2)));
        return ExperimentAgent.builder(main, new ScriptedChatModel(), sandbox)
                .evaluator(new Evaluator(sandbox, Limits.defaults().withWallTime(Duration.ofMinutes(2))))
                .limits(limits)
                .team(new ScriptedTeam())
                .checkpoints(new FileRunCheckpoints(dir.resolve("checkpoints")))
                .build();
    }

    private static TaskSpec digits() {
        return Tasks.load(ExperimentSandboxes.examples().resolve("digits-classifier"));
    }

    private static String printedValidation(String user) {
        Matcher matcher = VALIDATION.matcher(user);
        assertThat(matcher.find())
                .as("validation accuracy in the prompt:\n" + user)
                .isTrue();
        return matcher.group(1);
    }

    private static String resource(String name) {
        try (InputStream in = ExperimentAgentIT.class.getResourceAsStream("/experiment/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /experiment/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
