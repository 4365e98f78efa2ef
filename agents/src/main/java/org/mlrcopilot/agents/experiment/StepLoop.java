package org.mlrcopilot.agents.experiment;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Runs steps until a final answer or a limit; returns why it stopped. */
final class StepLoop {

    static final Duration PAUSE_POLL = Duration.ofMillis(100);

    private final ChatModel main;
    private final Meter meter;
    private final StepPrompt prompt;
    private final Actions actions;
    private final TeamChannel team;
    private final RunCheckpoints checkpoints;
    private final ExperimentLimits limits;
    private final Clock clock;
    private final CostGate costGate;

    StepLoop(
            ChatModel main,
            Meter meter,
            StepPrompt prompt,
            Actions actions,
            TeamChannel team,
            RunCheckpoints checkpoints,
            ExperimentLimits limits,
            Clock clock,
            CostGate costGate) {
        this.costGate = costGate;
        this.main = main;
        this.meter = meter;
        this.prompt = prompt;
        this.actions = actions;
        this.team = team;
        this.checkpoints = checkpoints;
        this.limits = limits;
        this.clock = clock;
    }

    StopReason run(Run run, Instant started, Trace trace, StepListener listener) {
        while (true) {
            StopReason stop = stopReason(run, started);
            if (stop != null) {
                return stop;
            }
            StepRecord record = step(run);
            if (record == null) {
                return StopReason.declined("the team did not approve a step above the cost threshold");
            }
            run.steps.add(record);
            run.step = record.step();
            StepDiffs.record(run, record.step());
            checkpoints.save(run.state());
            trace.append(record);
            listener.onStep(record);
            if (run.finalAnswer != null) {
                return StopReason.FINAL_ANSWER;
            }
        }
    }

    private StopReason stopReason(Run run, Instant started) {
        if (awaitRunning() == RunControl.STOPPED) {
            return StopReason.STOPPED;
        }
        if (run.step >= limits.maxSteps()) {
            return StopReason.MAX_STEPS;
        }
        if (Duration.between(started, clock.instant()).compareTo(limits.wallTime()) >= 0) {
            return StopReason.WALL_TIME;
        }
        return null;
    }

    private RunControl awaitRunning() {
        RunControl control = team.control();
        while (control == RunControl.PAUSED) {
            try {
                Thread.sleep(PAUSE_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return RunControl.STOPPED;
            }
            control = team.control();
        }
        return control;
    }

    private StepRecord step(Run run) {
        int step = run.step + 1;
        Instant start = clock.instant();
        meter.reset();
        List<String> feedback = List.copyOf(team.feedbackSince(run.step));
        ChatRequest request = prompt.request(run, step, feedback);
        if (!costGate.allows(team, step, StepPrompt.chars(request))) {
            return null;
        }
        Call call = Call.of(meter.chat(main, request).aiMessage());
        String observation = actions.perform(run, call, step);
        if (call.log() != null && !call.log().isBlank()) {
            run.summary = call.log().strip();
        }
        long millis = Math.max(0, Duration.between(start, clock.instant()).toMillis());
        return new StepRecord(
                step,
                call.action(),
                call.input(),
                observation,
                feedback,
                StepPrompt.chars(request),
                meter.inputTokens(),
                meter.outputTokens(),
                millis);
    }
}
