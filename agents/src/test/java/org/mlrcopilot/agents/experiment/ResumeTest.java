package org.mlrcopilot.agents.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlrcopilot.agents.json.JsonCodec;

class ResumeTest {

    @TempDir
    Path dir;

    @Test
    void resumeContinuesFromTheLastCheckpoint() throws Exception {
        Harness h = new Harness(dir);
        h.main.tool("write_file", Map.of("file_name", "a.txt", "content", "one", "log", "wrote a"))
                .tool("write_file", Map.of("file_name", "b.txt", "content", "two", "log", "wrote a and b"))
                .then(new IllegalStateException("process killed"));
        ExperimentResult crashed = h.run();
        assertThat(crashed.stopReason().text()).startsWith("error:");
        RunState saved = h.checkpoints.load("run-1").orElseThrow();
        assertThat(saved.step()).isEqualTo(2);
        assertThat(saved.baseline()).isEqualTo(0.5);
        long baselineRuns = h.sandbox.executions();

        ScriptedChatModel fresh = new ScriptedChatModel()
                .tool("read_file", Map.of("file_name", "b.txt"))
                .tool("final_answer", Map.of("answer", "done"));
        ExperimentResult resumed = h.agent(fresh, h.sandbox).resume(h.task, h.runDir(), StepListener.ignore());

        assertThat(resumed.stopReason().text()).isEqualTo("final-answer");
        assertThat(resumed.steps()).isEqualTo(4);
        assertThat(fresh.user(0))
                .contains("Step 3 of")
                .contains("wrote a and b")
                .contains("[Step 2]")
                .contains("[Step 1]");
        assertThat(((dev.langchain4j.data.message.SystemMessage)
                                fresh.requests.get(0).messages().get(0))
                        .text())
                .contains("Try a better model.");
        assertThat(fresh.user(1)).contains("two");
        assertThat(h.sandbox.executions()).isEqualTo(baselineRuns);
        List<String> trace = Files.readAllLines(resumed.trace());
        assertThat(trace).hasSize(4);
        assertThat(JsonCodec.read(trace.get(3), StepRecord.class).action()).isEqualTo("final_answer");
    }

    @Test
    void checkpointsRoundTripIncludingAnUnmeasuredBaseline() {
        FileRunCheckpoints checkpoints = new FileRunCheckpoints(dir);
        RunState state = new RunState(
                "r1",
                1,
                "log",
                List.of(new StepRecord(1, "read_file", "{}", "obs", List.of("fb"), 10, 2, 3, 4)),
                true,
                "why?",
                Double.NaN);
        checkpoints.save(state);
        RunState loaded = checkpoints.load("r1").orElseThrow();
        assertThat(loaded.steps()).isEqualTo(state.steps());
        assertThat(loaded.baseline()).isNaN();
        assertThat(loaded.pendingQuestion()).isEqualTo("why?");
        assertThat(checkpoints.load("other")).isEmpty();
        assertThat(dir.resolve("r1.json")).exists();
    }
}
