package org.mlrcopilot.bot.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.mlrcopilot.agents.experiment.RunState;
import org.mlrcopilot.agents.experiment.StepRecord;
import org.mlrcopilot.agents.paper.Paper;
import org.mlrcopilot.agents.paper.PaperIds;
import org.mlrcopilot.agents.paper.Section;
import org.mlrcopilot.agents.usage.Usage;

final class Fixtures {

    static final String HASH = "a".repeat(64);

    private Fixtures() {}

    static Paper paper(String title, String contentHash) {
        return new Paper(
                new PaperIds("2408.14033", "v2", "10.1/X", "", ""),
                title,
                List.of("Ada", "Alan"),
                "An abstract.",
                List.of(new Section("1 Intro", 1, "Text.\n\nMore text.")),
                List.of("[1] Ref"),
                List.of("https://github.com/org/repo"),
                "arxiv-html",
                "https://arxiv.org/abs/2408.14033v2",
                contentHash);
    }

    static Usage usage(String researchId, String team, long input, double cost, Instant at) {
        return new Usage(researchId, team, "main", "gpt-x", input, 10, 2, Duration.ofMillis(1234), "ok", cost, at);
    }

    static RunState state(String runId, int step, double baseline) {
        List<StepRecord> steps = step == 0
                ? List.of()
                : List.of(new StepRecord(
                        step,
                        "execute_script",
                        "{\"script\":\"train.py\"}",
                        "loss 0.1",
                        List.of("looks good"),
                        900,
                        1200,
                        300,
                        4500));
        return new RunState(runId, step, "log after step " + step, steps, step > 0, null, baseline);
    }
}
