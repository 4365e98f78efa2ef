package org.mlrcopilot.agents.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TeamInteractionTest {

    @TempDir
    Path dir;

    @Test
    void declinedFirstExecutionRunsNothing() {
        Harness h = new Harness(dir);
        h.gate = ApprovalGate.BEFORE_FIRST_EXECUTION;
        h.team.approvals.add(false);
        h.team.approvals.add(true);
        h.main.tool("execute_script", Map.of("script_name", "train.py"))
                .tool("execute_script", Map.of("script_name", "train.py"))
                .tool("execute_script", Map.of("script_name", "train.py"))
                .tool("final_answer", Map.of("answer", "done"));
        long baselineRun = 1;

        h.run();

        assertThat(h.main.user(1)).contains("The team declined");
        assertThat(h.team.approvalRequests).hasSize(2);
        assertThat(h.sandbox.executions()).isEqualTo(baselineRun + 2);
        assertThat(h.runDir().resolve("outputs/step-1.txt")).doesNotExist();
        assertThat(h.runDir().resolve("outputs/step-2.txt")).exists();
    }

    @Test
    void everyStepGateAsksBeforeEachAction() {
        Harness h = new Harness(dir);
        h.gate = ApprovalGate.EVERY_STEP;
        h.team.approvals.add(false);
        h.team.approvals.add(true);
        h.main.tool("write_file", Map.of("file_name", "a.txt", "content", "x"))
                .tool("final_answer", Map.of("answer", "done"));

        ExperimentResult result = h.run();

        assertThat(h.team.approvalRequests).hasSize(2);
        assertThat(h.team.approvalRequests.get(0)).contains("write_file").contains("a.txt");
        assertThat(h.runDir().resolve("workspace/a.txt")).doesNotExist();
        assertThat(h.main.user(1)).contains("The team declined this action");
        assertThat(result.stopReason().text()).isEqualTo("final-answer");
    }

    @Test
    void requestHelpWaitsForTheAnswer() {
        Harness h = new Harness(dir);
        h.team.answers.add("Use an SVC with C=10.");
        h.main.tool("request_help", Map.of("question", "Which model should I try?"))
                .tool("final_answer", Map.of("answer", "done"));

        h.run();

        assertThat(h.team.questions).containsExactly("Which model should I try?");
        assertThat(h.main.user(1)).contains("The team answered: Use an SVC with C=10.");
        assertThat(h.checkpoints.load("run-1").orElseThrow().pendingQuestion()).isNull();
    }

    @Test
    void writesToReadOnlyFilesAreRefused() {
        Harness h = new Harness(dir);
        h.main.tool("write_file", Map.of("file_name", "data/train.csv", "content", "forged"))
                .tool("append_file", Map.of("file_name", "data/train.csv", "content", "forged"))
                .tool("copy_file", Map.of("source", "train.py", "destination", "data/x.csv"))
                .tool("write_file", Map.of("file_name", "../escape.txt", "content", "x"))
                .tool("final_answer", Map.of("answer", "done"));

        h.run();

        for (int call = 1; call <= 3; call++) {
            assertThat(h.main.user(call)).contains("Refused:").contains("read-only");
        }
        assertThat(h.main.user(4)).contains("Refused:");
        assertThat(h.runDir().resolve("workspace/data/train.csv")).hasContent("x,label\n1,0");
        assertThat(h.runDir().resolve("workspace/data/x.csv")).doesNotExist();
        assertThat(h.runDir().resolve("escape.txt")).doesNotExist();
    }
}
