package org.mlrcopilot.agents.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlrcopilot.agents.usage.BudgetExceededException;

class StopReasonTest {

    @TempDir
    Path dir;

    @Test
    void maxSteps() {
        Harness h = new Harness(dir);
        h.limits = h.limits.withMaxSteps(3);
        for (int i = 0; i < 5; i++) {
            h.main.tool("list_files", Map.of("dir_path", "."));
        }
        ExperimentResult result = h.run();
        assertThat(result.stopReason().text()).isEqualTo("max-steps");
        assertThat(result.steps()).isEqualTo(3);
        assertThat(h.main.calls()).isEqualTo(3);
    }

    @Test
    void wallTimeWithAFakeClock() {
        Harness h = new Harness(dir);
        h.limits = h.limits.withWallTime(Duration.ofMinutes(90));
        h.main.onCall(() -> h.clock.advance(Duration.ofMinutes(40)));
        for (int i = 0; i < 5; i++) {
            h.main.tool("list_files", Map.of("dir_path", "."));
        }
        ExperimentResult result = h.run();
        assertThat(result.stopReason().text()).isEqualTo("wall-time");
        assertThat(result.steps()).isEqualTo(3);
    }

    @Test
    void budget() {
        Harness h = new Harness(dir);
        h.main.tool("list_files", Map.of("dir_path", "."))
                .then(new BudgetExceededException("research budget of $5.00 spent"));
        ExperimentResult result = h.run();
        assertThat(result.stopReason().text()).isEqualTo("budget");
        assertThat(result.steps()).isEqualTo(1);
        assertThat(result.baseline()).isEqualTo(0.5);
    }

    @Test
    void budgetSpentDuringAnEditStopsToo() {
        Harness h = new Harness(dir);
        h.main.tool("edit_script", Map.of("script_name", "train.py", "edit_instruction", "x", "save_name", "train.py"))
                .then(new BudgetExceededException("spent"));
        ExperimentResult result = h.run();
        assertThat(result.stopReason().text()).isEqualTo("budget");
        assertThat(result.steps()).isZero();
    }

    @Test
    void stoppedByTheTeam() {
        Harness h = new Harness(dir);
        h.team.controls.add(RunControl.RUNNING);
        h.team.afterScript = RunControl.STOPPED;
        h.main.tool("list_files", Map.of("dir_path", ".")).tool("list_files", Map.of("dir_path", "."));
        ExperimentResult result = h.run();
        assertThat(result.stopReason().text()).isEqualTo("stopped");
        assertThat(result.steps()).isEqualTo(1);
        assertThat(h.main.remaining()).isEqualTo(1);
    }

    @Test
    void pausedWaitsUntilRunningAgain() {
        Harness h = new Harness(dir);
        h.team.controls.add(RunControl.PAUSED);
        h.team.controls.add(RunControl.PAUSED);
        h.main.tool("final_answer", Map.of("answer", "done"));
        long start = System.nanoTime();
        ExperimentResult result = h.run();
        assertThat(result.stopReason().text()).isEqualTo("final-answer");
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isGreaterThanOrEqualTo(StepLoop.PAUSE_POLL.multipliedBy(2));
    }

    @Test
    void anUnexpectedFailureEndsTheRunWithAnError() {
        Harness h = new Harness(dir);
        h.main.then(new IllegalStateException("provider unreachable"));
        ExperimentResult result = h.run();
        assertThat(result.stopReason().text()).isEqualTo("error: provider unreachable");
    }

    @Test
    void aStopReasonIsWrittenAndReadAsOneString() {
        assertThat(StopReason.parse("final-answer")).isEqualTo(StopReason.FINAL_ANSWER);
        assertThat(StopReason.parse("error: provider unreachable")).isEqualTo(StopReason.error("provider unreachable"));
        assertThat(StopReason.error("provider unreachable").text()).isEqualTo("error: provider unreachable");
        assertThat(StopReason.parse("declined: no go").kind()).isEqualTo(StopReason.Kind.DECLINED);
        assertThat(StopReason.parse("declined: no go").failed()).isFalse();
        // a text of no known kind (written by an older version) reads as an error that keeps the text
        assertThat(StopReason.parse("exploded")).isEqualTo(StopReason.error("exploded"));
        assertThat(StopReason.parse("exploded").failed()).isTrue();
    }
}
