package org.mlrcopilot.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mlrcopilot.agents.research.ResearchRun;
import org.mlrcopilot.agents.research.RunStatus;
import org.mlrcopilot.bot.chat.OutboundMessage;

/** A run's message offers the controls that apply: Pause or Resume with Stop while it runs, none once it ended. */
class RunControlsTest {

    private static final Instant NOW = Instant.parse("2026-12-04T09:00:00Z");
    private final ResearchRun queued = new ResearchRun(
            "run-1", "r-1", "H1", 1, "digits", "u-bob", "alice", RunStatus.QUEUED, 0, 10, "/tmp/run-1", null, NOW, NOW);

    private static java.util.List<String> actions(OutboundMessage m) {
        return m.buttons().stream().map(OutboundMessage.Button::action).toList();
    }

    @Test
    void aRunningRunOffersPauseAndStop() {
        OutboundMessage m = Messages.run(queued.with(RunStatus.RUNNING, 2, NOW), null);
        assertThat(actions(m)).containsExactly("pause", "stop");
        assertThat(m.text()).doesNotContain("Ended");
    }

    @Test
    void aPausedRunOffersResumeAndStop() {
        OutboundMessage m = Messages.run(queued.with(RunStatus.PAUSED, 2, NOW), null);
        assertThat(actions(m)).containsExactly("resume", "stop");
        assertThat(m.text()).contains("_Paused_");
    }

    @Test
    void anEndedRunOffersNothingAndSaysHowItEnded() {
        for (RunStatus end : new RunStatus[] {RunStatus.DONE, RunStatus.STOPPED, RunStatus.FAILED}) {
            OutboundMessage m = Messages.run(queued.with(end, 3, NOW), null);
            assertThat(m.buttons()).as(end.name()).isEmpty();
            assertThat(m.text()).contains("_Ended: " + end.name().toLowerCase(java.util.Locale.ROOT) + "_");
        }
    }
}
