package org.mlrcopilot.agents.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.mlrcopilot.agents.task.Evaluator;
import org.mlrcopilot.agents.task.HeldOut;
import org.mlrcopilot.agents.task.Score;

/** Scores the workspace at the end of a run and assembles the {@link ExperimentResult}. */
final class RunOutcome {

    private static final List<String> IMAGES = List.of(".png", ".jpg", ".jpeg", ".svg", ".pdf");

    private final Evaluator evaluator;

    RunOutcome(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    ExperimentResult of(Run run, Path trace, StopReason stopReason) {
        Score last = finalScore(run);
        Score baseline =
                Double.isNaN(run.baseline) ? null : new Score(run.task.metric(), run.baseline, run.task.direction());
        Double pct = last == null || baseline == null ? null : last.improvementPctOver(baseline);
        Boolean success = last == null || baseline == null ? null : last.successOver(baseline);
        String answer = run.finalAnswer == null ? "" : run.finalAnswer;
        List<Double> printed = Claims.printedIn(run.outputs());
        printed.add(run.baseline);
        if (last != null) {
            printed.add(last.value());
        }
        return new ExperimentResult(
                run.baseline,
                last == null ? null : last.value(),
                pct,
                success,
                run.task.metric(),
                answer,
                Claims.flagged(answer, printed),
                artifacts(run.ws.dir()),
                diff(run),
                trace,
                run.step,
                stopReason);
    }

    private Score finalScore(Run run) {
        try {
            return evaluator.score(run.task, run.ws, HeldOut.TEST);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String diff(Run run) {
        return Files.isDirectory(run.initialSnapshot()) ? run.ws.diffFrom(run.initialSnapshot()) : "";
    }

    static List<String> artifacts(Path workspace) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(workspace)) {
            files.filter(Files::isRegularFile)
                    .map(workspace::relativize)
                    .map(Path::toString)
                    .sorted()
                    .filter(RunOutcome::isArtifact)
                    .forEach(found::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the artifacts in " + workspace, e);
        }
        return found;
    }

    private static boolean isArtifact(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        String name = lower.substring(lower.lastIndexOf('/') + 1);
        return name.startsWith("submission") || IMAGES.stream().anyMatch(lower::endsWith);
    }
}
