package org.mlrcopilot.agents.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentLoopTest {

    @TempDir
    Path dir;

    @Test
    void measuresTheBaselineFirstAndStopsOnTheFinalAnswer() {
        Harness h = new Harness(dir);
        h.sandbox.scores.clear();
        h.sandbox.scores.addAll(List.of(0.5, 0.6));
        h.sandbox.outputs.add("accuracy: 0.6000\n");
        h.main.tool("execute_script", Map.of("script_name", "train.py"))
                .tool("final_answer", Map.of("answer", "Accuracy rose from 0.5 to 0.6000."));

        ExperimentResult result = h.run();

        assertThat(result.stopReason().text()).isEqualTo("final-answer");
        assertThat(result.baseline()).isEqualTo(0.5);
        assertThat(result.finalScore()).isEqualTo(0.6);
        assertThat(result.improvementPct()).isCloseTo(20.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(result.success()).isTrue();
        assertThat(result.steps()).isEqualTo(2);
        assertThat(result.flaggedClaims()).isEmpty();
        assertThat(result.artifacts()).contains("submission.csv");
        assertThat(result.diff()).contains("submission.csv");
        assertThat(h.main.calls()).isEqualTo(2);
        assertThat(h.sandbox.requests.get(0).command()).containsExactly("python3", "train.py");
    }

    @Test
    void nonModelActionsMakeExactlyOneCallEachAndToolsCarryTheLog() {
        Harness h = new Harness(dir);
        h.main.tool("list_files", Map.of("dir_path", "."))
                .tool("read_file", Map.of("file_name", "train.py"))
                .tool("write_file", Map.of("file_name", "notes.txt", "content", "hello"))
                .tool("append_file", Map.of("file_name", "notes.txt", "content", " world"))
                .tool("copy_file", Map.of("source", "notes.txt", "destination", "copy.txt"))
                .tool("inspect_script_lines", Map.of("script_name", "train.py", "start_line", 1, "end_line", 5))
                .tool("undo_edit_script", Map.of("script_name", "notes.txt"))
                .tool("final_answer", Map.of("answer", "done", "log", "final log"));

        ExperimentResult result = h.run();

        assertThat(h.main.calls()).isEqualTo(8);
        assertThat(h.fast.calls()).isZero();
        assertThat(result.steps()).isEqualTo(8);
        assertThat(Files.exists(h.runDir().resolve("workspace/copy.txt"))).isTrue();
        assertThat(h.checkpoints.load("run-1").orElseThrow().summary()).isEqualTo("final log");
        assertThat(h.main.requests.get(0).toolSpecifications())
                .hasSize(15)
                .allSatisfy(spec -> assertThat(spec.parameters().required()).contains("log"));
        assertThat(h.main.user(1)).contains("dir_path").contains("data/").contains("train.py");
        assertThat(h.main.user(7)).contains("Restored the previous version of notes.txt");
        assertThat(h.main.user(2)).contains("Research log so far:\nlog after call 2");
    }

    @Test
    void modelActionsMakeOneExtraCall() {
        Harness h = new Harness(dir);
        h.main.tool(
                        "edit_script",
                        Map.of("script_name", "train.py", "edit_instruction", "print more", "save_name", "train2.py"))
                .then(AiMessage.from("Here:\n```python\nprint('edited')\n```\n"))
                .tool("understand_file", Map.of("file_name", "train2.py", "things_to_look_for", "prints"))
                .tool("reflection", Map.of("things_to_reflect_on", "what next"))
                .tool("final_answer", Map.of("answer", "done"));
        h.fast.then("It prints 'edited'.").then("Run it.");

        h.run();

        assertThat(h.main.calls()).isEqualTo(5);
        assertThat(h.fast.calls()).isEqualTo(2);
        assertThat(h.main.user(0)).isNotEmpty();
        assertThat(h.runDir().resolve("workspace/train2.py")).hasContent("print('edited')");
        assertThat(h.main.user(4)).contains("It prints 'edited'.").contains("Run it.");
    }

    @Test
    void aTextOnlyAnswerIsAStepAskingForOneTool() {
        Harness h = new Harness(dir);
        h.main.then("I think I should read the file.").tool("final_answer", Map.of("answer", "done"));

        ExperimentResult result = h.run();

        assertThat(result.steps()).isEqualTo(2);
        assertThat(h.main.user(1)).contains("call exactly one tool");
    }

    @Test
    void contextStaysFlatAfterKeepSteps() {
        Harness h = new Harness(dir);
        h.limits = h.limits.withMaxSteps(8).withKeepSteps(2);
        String big = "x".repeat(10_000);
        for (int i = 0; i < 8; i++) {
            h.main.tool("write_file", Map.of("file_name", "f.txt", "content", big, "log", "same log"));
        }

        ExperimentResult result = h.run();

        assertThat(result.stopReason().text()).isEqualTo("max-steps");
        List<Integer> sizes = h.main.requests.stream().map(StepPrompt::chars).toList();
        assertThat(sizes.subList(3, 8)).allSatisfy(size -> assertThat(size).isEqualTo(sizes.get(3)));
        assertThat(sizes.get(3)).isLessThan(3 * 2 * 3000 + 10_000);
        SystemMessage system = (SystemMessage) h.main.requests.get(0).messages().get(0);
        assertThat(system.text()).contains("Improve the accuracy").contains("Try a better model.");
        assertThat(h.main.user(7)).contains("[Step 6]").contains("[Step 7]").doesNotContain("[Step 5]");
    }

    @Test
    void feedbackFromTheTeamIsInjected() throws Exception {
        Harness h = new Harness(dir);
        h.team.feedback.put(1, List.of("Try an SVM instead."));
        h.main.tool("list_files", Map.of("dir_path", "."))
                .tool("list_files", Map.of("dir_path", "."))
                .tool("final_answer", Map.of("answer", "done"));

        ExperimentResult result = h.run();

        assertThat(h.team.feedbackPolls).containsExactly(0, 1, 2);
        assertThat(h.main.user(0)).contains("Feedback from the team:\n(none)");
        assertThat(h.main.user(1)).contains("Feedback from the team:\n- Try an SVM instead.");
        assertThat(h.main.user(2)).doesNotContain("Try an SVM");
        assertThat(h.checkpoints.load("run-1").orElseThrow().steps().get(1).feedback())
                .containsExactly("Try an SVM instead.");
        assertThat(result.trace()).exists();
        assertThat(Files.readAllLines(result.trace())).hasSize(3);
    }
}
