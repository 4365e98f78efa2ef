package org.mlrcopilot.agents.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaimsTest {

    @TempDir
    Path dir;

    @Test
    void numbersNoExecutionPrintedAreFlagged() {
        List<Double> printed = List.of(0.97314, 12.0);
        assertThat(Claims.flagged("accuracy 0.9731 (97.3%), up from 0.95, 12 epochs, 12% faster", printed))
                .containsExactly("claimed 0.95 but no execution printed it");
        assertThat(Claims.flagged("Python 3.10.2 reached 0.973", printed)).isEmpty();
        assertThat(Claims.flagged("reached 0.991.", printed))
                .containsExactly("claimed 0.991 but no execution printed it");
    }

    @Test
    void aFinalAnswerWithAnInventedNumberIsFlagged() {
        Harness h = new Harness(dir);
        h.sandbox.outputs.add("validation accuracy: 0.9612\n");
        h.main.tool("execute_script", Map.of("script_name", "train.py"))
                .tool("final_answer", Map.of("answer", "Validation accuracy 0.9612; test accuracy 0.991."));

        ExperimentResult result = h.run();

        assertThat(result.flaggedClaims()).containsExactly("claimed 0.991 but no execution printed it");
        assertThat(result.finalAnswer()).contains("0.991");
    }
}
