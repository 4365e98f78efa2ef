package org.mlrcopilot.agents.research;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mlrcopilot.agents.experiment.ExperimentAgent;
import org.mlrcopilot.agents.experiment.ExperimentResult;
import org.mlrcopilot.agents.experiment.StepListener;
import org.mlrcopilot.agents.experiment.StepRecord;
import org.mlrcopilot.agents.task.TaskSpec;

/** Runs (and resumes) experiment runs and reports them as they go. */
final class RunExecution {

    private static final List<String> IMAGES = List.of(".png", ".jpg", ".jpeg", ".svg");

    private final ResearchStore store;
    private final ResearchEvents events;
    private final ResearchTools tools;
    private final Clock clock;
    private final Map<String, RunTeam> teams = new ConcurrentHashMap<>();

    private final Shutdown shutdown;

    RunExecution(ResearchStore store, ResearchEvents events, ResearchTools tools, Clock clock, Shutdown shutdown) {
        this.shutdown = shutdown;
        this.store = store;
        this.events = events;
        this.tools = tools;
        this.clock = clock;
    }

    RunTeam team(String runId) {
        return teams.computeIfAbsent(runId, id -> new RunTeam(id, store, question -> asked(id, question)));
    }

    void execute(String runId, String planText) {
        ResearchRun run = store.run(runId).orElseThrow();
        Research research = store.research(run.researchId()).orElseThrow();
        boolean resume = store.checkpoints().load(runId).isPresent();
        RunTeam team = team(runId);
        try {
            if (!resume) {
                clearUnfinishedWorkspace(Path.of(run.runDir()));
            }
            TaskSpec task = tools.taskFor(planText);
            ExperimentAgent agent = tools.experiments(research, team)
                    .orElseThrow(() -> new ResearchRefusedException("no language model is configured"));
            run = save(run.onTask(task.name()).with(RunStatus.RUNNING, run.step(), clock.instant()));
            research = researchStatus(research, ResearchStatus.RUNNING, "running " + runId + " on task " + task.name());
            events.milestone(research, run, resume ? "Resuming " + runId + " after step " + run.step()
                    : "Started " + runId + " on task " + task.name() + " (up to " + run.maxSteps() + " steps)");
            ExperimentResult result = resume ? agent.resume(task, Path.of(run.runDir()), listener(runId))
                    : agent.run(task, planText, Path.of(run.runDir()), listener(runId));
            if (!shutdown.underway()) {
                finish(runId, result);
            }
        } catch (RuntimeException e) {
            if (shutdown.underway()) {
                return;
            }
            ResearchRun failed = save(store.run(runId).orElseThrow().with(RunStatus.FAILED, run.step(), clock.instant()));
            researchStatus(research, ResearchStatus.FAILED, "run " + runId + " failed");
            events.problem(research, "run " + runId + " failed: " + Failures.message(e),
                    "fix the cause, then press Run experiment again");
            teams.remove(failed.id());
        }
    }

    private StepListener listener(String runId) {
        return new StepListener() {
            @Override
            public void onStep(StepRecord step) {
                store.add(runId, step);
                ResearchRun run = save(store.run(runId).orElseThrow().with(RunStatus.RUNNING, step.step(),
                        clock.instant()));
                events.step(store.research(run.researchId()).orElseThrow(), run, step);
            }

            @Override
            public void onBaseline(double value, String metric) {
                ResearchRun run = store.run(runId).orElseThrow();
                events.milestone(store.research(run.researchId()).orElseThrow(), run,
                        String.format(Locale.ROOT, "Baseline measured: %s = %.4f", metric, value));
            }
        };
    }

    private void finish(String runId, ExperimentResult result) {
        RunStatus status = result.stopReason().equals("stopped") ? RunStatus.STOPPED
                : result.stopReason().startsWith("error") ? RunStatus.FAILED : RunStatus.DONE;
        ResearchRun run = save(store.run(runId).orElseThrow().finished(status, result, clock.instant()));
        Research research = store.research(run.researchId()).orElseThrow();
        research = researchStatus(research, status == RunStatus.DONE ? ResearchStatus.DONE
                : status == RunStatus.STOPPED ? ResearchStatus.STOPPED : ResearchStatus.FAILED,
                runId + " " + status.name().toLowerCase(Locale.ROOT) + " (" + result.stopReason() + ")");
        teams.remove(runId);
        events.finished(research, run, new RunReport(run, plots(run, result),
                store.usage().forResearch(research.id())));
    }

    private static List<Path> plots(ResearchRun run, ExperimentResult result) {
        Path workspace = Path.of(run.runDir()).resolve("workspace");
        return result.artifacts().stream().filter(a -> IMAGES.stream().anyMatch(a.toLowerCase(Locale.ROOT)::endsWith))
                .map(workspace::resolve).filter(Files::isRegularFile).toList();
    }

    private void asked(String runId, String question) {
        ResearchRun run = save(store.run(runId).orElseThrow().with(RunStatus.WAITING, store.run(runId).orElseThrow()
                .step(), clock.instant()));
        events.question(store.research(run.researchId()).orElseThrow(), run, question);
    }

    ResearchRun save(ResearchRun run) {
        store.save(run);
        return run;
    }

    private Research researchStatus(Research r, ResearchStatus status, String detail) {
        Research next = store.research(r.id()).orElse(r).with(status, detail, clock.instant());
        store.save(next);
        events.status(next);
        return next;
    }

    /** A run interrupted before its first checkpoint starts again from a fresh workspace. */
    private static void clearUnfinishedWorkspace(Path runDir) {
        if (!Files.exists(runDir)) {
            return;
        }
        try (var files = Files.walk(runDir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the interrupted run directory " + runDir, e);
        }
    }
}
