package org.mlrcopilot.agents.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlrcopilot.agents.idea.Hypothesis;
import org.mlrcopilot.agents.task.Direction;

/** The set-up's small parts: metric direction, plan files. */
class SetupPartsTest {

    @TempDir
    Path tmp;

    @Test
    void theDirectionComesFromTheMetricsName() {
        assertThat(MetricDirection.of("RMSE")).contains(Direction.LOWER);
        assertThat(MetricDirection.of("word error rate")).contains(Direction.LOWER);
        assertThat(MetricDirection.of("test log loss")).contains(Direction.LOWER);
        assertThat(MetricDirection.of("macro F1")).contains(Direction.HIGHER);
        assertThat(MetricDirection.of("Spearman correlation with human ratings"))
                .contains(Direction.HIGHER);
        assertThat(MetricDirection.of("ROUGE-L")).contains(Direction.HIGHER);
        assertThat(MetricDirection.of("novelty")).isEmpty();
    }

    @Test
    void planFilesAreAHypothesisItsPlanOrTheWholeIdeasOutput() throws IOException {
        Path plans = Path.of("src/test/resources/setup/plans");
        Hypothesis h = PlanFile.read(plans.resolve("digits-svm.json"), "");
        assertThat(h.plan().metrics()).containsExactly("accuracy");
        String plan = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(plans.resolve("digits-svm.json").toFile())
                .get("plan")
                .toString();
        assertThat(PlanFile.read(Files.writeString(tmp.resolve("p.json"), plan), "")
                        .plan()
                        .datasets())
                .singleElement()
                .satisfies(d -> assertThat(d.source()).isEqualTo("sklearn.datasets.load_digits"));
        String all = "{\"hypotheses\":[" + Files.readString(plans.resolve("mnist-cnn.json")) + ","
                + Files.readString(plans.resolve("digits-svm.json")).replace("\"H1\"", "\"H2\"") + "]}";
        assertThat(PlanFile.read(Files.writeString(tmp.resolve("all.json"), all), "H2")
                        .title())
                .contains("RBF");
        assertThatThrownBy(() -> PlanFile.read(Files.writeString(tmp.resolve("bad.json"), "{\"x\":1}"), ""))
                .isInstanceOf(SetupException.class)
                .hasMessageContaining("mlr ideas --json");
    }
}
