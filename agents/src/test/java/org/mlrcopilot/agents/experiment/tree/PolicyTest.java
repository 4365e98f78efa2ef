package org.mlrcopilot.agents.experiment.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlrcopilot.agents.task.Direction;

/** Which node the policy makes next. */
class PolicyTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void draftsComeFirst() {
        Policy policy = new Policy(TreeSettings.defaults().withDrafts(2), Direction.HIGHER);

        assertThat(policy.next(List.of()).operator()).isEqualTo(Operator.DRAFT);
        assertThat(policy.next(List.of(done("n1", null, 0.6))).operator()).isEqualTo(Operator.DRAFT);
        assertThat(policy.next(List.of(done("n1", null, 0.6), done("n2", null, 0.7)))
                        .operator())
                .isEqualTo(Operator.IMPROVE);
    }

    @Test
    void greedyImprovesTheBestNodeInTheTasksDirection() {
        List<Node> nodes = List.of(done("n1", null, 0.6), done("n2", null, 0.9), done("n3", null, 0.7));

        assertThat(new Policy(TreeSettings.defaults(), Direction.HIGHER)
                        .next(nodes)
                        .parent()
                        .id())
                .isEqualTo("n2");
        assertThat(new Policy(TreeSettings.defaults(), Direction.LOWER)
                        .next(nodes)
                        .parent()
                        .id())
                .isEqualTo("n1");
    }

    @Test
    void sampledChoiceIsSeededAndReachesMoreThanTheBest() {
        List<Node> nodes = List.of(done("n1", null, 0.6), done("n2", null, 0.9), done("n3", null, 0.7));
        TreeSettings sampled = TreeSettings.defaults().withSampled(true).withSeed(42);

        List<String> first = picks(new Policy(sampled, Direction.HIGHER), nodes);
        List<String> again = picks(new Policy(sampled, Direction.HIGHER), nodes);

        assertThat(first).isEqualTo(again);
        assertThat(new HashSet<>(first)).contains("n2").hasSizeGreaterThan(1);
        assertThat(first.stream().filter("n2"::equals).count())
                .isGreaterThan(first.stream().filter("n1"::equals).count());
    }

    @Test
    void aFailedNodeIsFixedWithTheDebugProbabilityAndNeverWithZero() {
        List<Node> nodes = List.of(done("n1", null, 0.6), failed("n2", null, Operator.DRAFT, 0), done("n3", null, 0.7));

        Policy always = new Policy(TreeSettings.defaults().withDebug(3, 1.0), Direction.HIGHER);
        Policy never = new Policy(TreeSettings.defaults().withDebug(3, 0.0), Direction.HIGHER);

        assertThat(always.next(nodes)).isEqualTo(new Expansion(Operator.DEBUG, nodes.get(1)));
        assertThat(never.next(nodes).operator()).isEqualTo(Operator.IMPROVE);
    }

    @Test
    void withNothingWorkingAFailedNodeIsFixedWhateverTheProbability() {
        List<Node> nodes = List.of(failed("n1", null, Operator.DRAFT, 0));

        Policy policy = new Policy(TreeSettings.defaults().withDrafts(1).withDebug(3, 0.0), Direction.HIGHER);

        assertThat(policy.next(nodes).operator()).isEqualTo(Operator.DEBUG);
    }

    @Test
    void aNodeAtTheDebugDepthIsNotFixedAndANewDraftIsMade() {
        List<Node> nodes = List.of(
                failed("n1", null, Operator.DRAFT, 0),
                failed("n2", "n1", Operator.DEBUG, 1),
                failed("n3", "n2", Operator.DEBUG, 2));

        Policy policy = new Policy(TreeSettings.defaults().withDrafts(1).withDebug(2, 1.0), Direction.HIGHER);

        assertThat(policy.next(nodes)).isEqualTo(Expansion.draft());
    }

    @Test
    void aNodeBeingFixedIsNotFixedTwice() {
        Node broken = failed("n1", null, Operator.DRAFT, 0);
        Node fixing = Node.start("n2", broken, Operator.DEBUG, NOW);

        Policy policy = new Policy(TreeSettings.defaults().withDrafts(1).withDebug(3, 1.0), Direction.HIGHER);

        assertThat(policy.next(List.of(broken, fixing))).isEqualTo(Expansion.draft());
    }

    private static List<String> picks(Policy policy, List<Node> nodes) {
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            picked.add(policy.next(nodes).parent().id());
        }
        return picked;
    }

    static Node done(String id, String parent, double score) {
        return new Node(
                id,
                parent,
                parent == null ? Operator.DRAFT : Operator.IMPROVE,
                NodeStatus.DONE,
                0,
                1,
                "plan " + id,
                Map.of("train.py", "# " + id),
                "ok",
                score,
                0,
                0,
                0,
                "",
                NOW,
                NOW,
                "");
    }

    static Node failed(String id, String parent, Operator operator, int depth) {
        return new Node(
                id,
                parent,
                operator,
                NodeStatus.FAILED,
                depth,
                1,
                "plan " + id,
                Map.of(),
                "Traceback",
                null,
                0,
                0,
                0,
                "",
                NOW,
                NOW,
                "");
    }
}
