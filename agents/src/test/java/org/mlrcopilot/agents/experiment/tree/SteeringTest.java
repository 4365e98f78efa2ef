package org.mlrcopilot.agents.experiment.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SteeringTest {

    @Test
    void repliesThatCloseNodesNameThemInAnySpelling() {
        Steering.Request r = Steering.read(List.of(
                "ada: stop debugging node 7",
                "bob: don't expand n3 or n4",
                "eve: no more work on Node #12",
                "kim: drop n05"));

        assertThat(r.closed()).containsExactly("n7", "n3", "n4", "n12", "n5");
        assertThat(r.directions()).isEmpty();
    }

    @Test
    void otherRepliesAreDirectionsInOrder() {
        Steering.Request r = Steering.read(List.of("ada: try gradient boosting", "  ", "bob: scale the features"));

        assertThat(r.closed()).isEmpty();
        assertThat(r.directions()).containsExactly("ada: try gradient boosting", "bob: scale the features");
    }

    @Test
    void aNodeNamedWithoutAStopWordIsADirection() {
        Steering.Request r = Steering.read(List.of("ada: build on n4 with more trees"));

        assertThat(r.closed()).isEmpty();
        assertThat(r.directions()).containsExactly("ada: build on n4 with more trees");
    }
}
