package org.mlrcopilot.agents.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActionsExtraTest {

    @TempDir
    Path dir;

    @Test
    void retrieveModelAsksTheServiceSideLookUp() {
        Harness h = new Harness(dir);
        List<String> queries = new ArrayList<>();
        h.retriever = query -> {
            queries.add(query);
            return "1. google/vit-base-patch16-224 (image-classification, 3,000,000 downloads)";
        };
        h.main.tool("retrieve_model", Map.of("query", "image classification of small digits"))
                .tool("final_answer", Map.of("answer", "done"));

        h.run();

        assertThat(queries).containsExactly("image classification of small digits");
        assertThat(h.main.user(1)).contains("google/vit-base-patch16-224");
        assertThat(h.main.requests).hasSize(2);
    }

    @Test
    void aStepAboveTheCostThresholdWaitsForApprovalAndStopsWhenDeclined() {
        Harness h = new Harness(dir);
        h.costGate = new CostGate(0.01, chars -> chars * 1e-5);
        h.team.approvals.add(true);
        h.team.approvals.add(false);
        h.main.tool("list_files", Map.of("dir_path", ".")).tool("final_answer", Map.of("answer", "done"));

        ExperimentResult result = h.run();

        assertThat(h.team.approvalRequests).hasSize(2);
        assertThat(h.team.approvalRequests.get(0))
                .contains("Step 1")
                .contains("estimated at $")
                .contains("$0.0100");
        assertThat(h.main.requests).hasSize(1);
        assertThat(result.stopReason().text()).startsWith("declined").contains("cost threshold");
        assertThat(result.steps()).isEqualTo(1);
    }

    @Test
    void stepsUnderTheThresholdNeedNoApproval() {
        Harness h = new Harness(dir);
        h.costGate = new CostGate(100, chars -> chars * 1e-5);
        h.main.tool("final_answer", Map.of("answer", "done"));

        assertThat(h.run().stopReason().text()).isEqualTo("final-answer");
        assertThat(h.team.approvalRequests).isEmpty();
    }

    @Test
    void eachStepThatChangesFilesLeavesItsDiffNotACopy() throws IOException {
        Harness h = new Harness(dir);
        h.main.tool("read_file", Map.of("file_name", "train.py"))
                .tool("write_file", Map.of("file_name", "train.py", "content", "print('training accuracy: 0.7000')\n"))
                .tool("write_file", Map.of("file_name", "notes.txt", "content", "idea\n"))
                .tool("final_answer", Map.of("answer", "done"));

        h.run();

        Path diffs = h.runDir().resolve("diffs");
        assertThat(diffs.resolve("step-001.diff")).doesNotExist();
        assertThat(Files.readString(diffs.resolve("step-002.diff")))
                .contains("-print('training accuracy: 0.5000')")
                .contains("+print('training accuracy: 0.7000')")
                .doesNotContain("notes.txt");
        assertThat(Files.readString(diffs.resolve("step-003.diff")))
                .contains("notes.txt")
                .contains("+idea")
                .doesNotContain("0.7000");
        try (var snapshots = Files.list(h.runDir().resolve("snapshots"))) {
            assertThat(snapshots
                            .filter(Files::isDirectory)
                            .map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("initial", "previous");
        }
    }
}
