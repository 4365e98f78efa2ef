package org.mlrcopilot.agents.experiment.tree;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mlrcopilot.agents.experiment.ExperimentResult;
import org.mlrcopilot.agents.experiment.StopReason;
import org.mlrcopilot.agents.task.Evaluator;
import org.mlrcopilot.agents.task.FileTrees;
import org.mlrcopilot.agents.task.HeldOut;
import org.mlrcopilot.agents.task.Score;
import org.mlrcopilot.agents.task.TaskSpec;
import org.mlrcopilot.agents.task.Workspace;

/** The end of a search: the best node's workspace becomes the run's, and the result is assembled. */
final class TreeOutcome {

    private static final List<String> IMAGES = List.of(".png", ".jpg", ".jpeg", ".svg", ".pdf");

    private final TaskSpec task;
    private final Workspace ws;
    private final Path starter;
    private final Evaluator evaluator;
    private final int seeds;

    TreeOutcome(TaskSpec task, Workspace ws, Path starter, Evaluator evaluator, int seeds) {
        this.task = task;
        this.ws = ws;
        this.starter = starter;
        this.evaluator = evaluator;
        this.seeds = seeds;
    }

    /**
     * The result: the best node (chosen on the validation rows) becomes the run's workspace and is scored once on the
     * test rows, {@link TreeSettings#seeds()} times when there are several seeds; the baseline reported is the
     * starter code's test score.
     */
    TreeResult of(double baseline, Double testBaseline, SolutionTree tree, List<String> closed, StopReason stop) {
        boolean separated = HeldOut.separates(task);
        Optional<Node> best = tree.best(task.direction());
        best.ifPresent(this::adopt);
        double reportedBaseline = testBaseline == null ? baseline : testBaseline;
        Score base =
                Double.isNaN(reportedBaseline) ? null : new Score(task.metric(), reportedBaseline, task.direction());
        List<Double> seedScores = new ArrayList<>();
        String testNote = "";
        Score last = null;
        if (best.isPresent()) {
            try {
                last = test(best.get(), separated, seedScores);
            } catch (RuntimeException e) {
                testNote = "; its test scoring failed: " + e.getMessage();
            }
        }
        Double pct = last == null || base == null ? null : last.improvementPctOver(base);
        Boolean success = last == null || base == null ? null : last.successOver(base);
        Score tested = last;
        String note = testNote;
        String answer = best.map(b -> "best node " + b.id() + " ("
                        + b.operator().label() + "), chosen on "
                        + (separated ? "the validation rows" : "all held-out rows (this task has no validation split)")
                        + " with " + task.metric() + " " + String.format(Locale.ROOT, "%.4f", b.score())
                        + (tested == null
                                ? ""
                                : separated || !seedScores.isEmpty()
                                        ? "; test " + task.metric() + " "
                                                + String.format(Locale.ROOT, "%.4f", tested.value())
                                                + (seedScores.isEmpty()
                                                        ? ""
                                                        : " (mean of " + seedScores.size() + " seeds, sd "
                                                                + String.format(Locale.ROOT, "%.4f", sd(seedScores))
                                                                + ")")
                                        : "")
                        + note + ": " + b.plan())
                .orElse("");
        String diff = best.isPresent() && Files.isDirectory(starter) ? ws.diffFrom(starter) : "";
        int finished = (int) tree.nodes().stream().filter(n -> !n.isRunning()).count();
        ExperimentResult result = new ExperimentResult(
                reportedBaseline,
                last == null ? null : last.value(),
                pct,
                success,
                task.metric(),
                answer,
                List.of(),
                artifacts(ws.dir()),
                diff,
                ws.runDir().resolve(TreeSearch.TRACE_FILE),
                finished,
                stop);
        return new TreeResult(
                result,
                tree.nodes(),
                best.map(Node::id).orElse(null),
                best.map(Node::score).orElse(null),
                separated,
                seedScores,
                closed);
    }

    /** The best node's test score: scored once, or the mean of one run per seed. */
    private Score test(Node best, boolean separated, List<Double> seedScores) {
        if (seeds > 1) {
            for (int seed = 1; seed <= seeds; seed++) {
                seedScores.add(evaluator
                        .rerun(task, ws.dir(), Map.of("MLR_SEED", Integer.toString(seed)), HeldOut.TEST)
                        .value());
            }
            double mean = seedScores.stream()
                    .mapToDouble(Double::doubleValue)
                    .average()
                    .orElseThrow();
            return new Score(task.metric(), mean, task.direction());
        }
        if (separated) {
            return evaluator.score(task, ws, HeldOut.TEST);
        }
        return new Score(task.metric(), best.score(), task.direction());
    }

    /** The sample standard deviation (0 for fewer than two values). */
    static double sd(List<Double> values) {
        if (values.size() < 2) {
            return 0;
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double sum = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return Math.sqrt(sum / (values.size() - 1));
    }

    /** Replaces the run's workspace with the node's. */
    private void adopt(Node node) {
        Path source = ws.runDir().resolve("nodes").resolve(node.id()).resolve("workspace");
        if (!Files.isDirectory(source)) {
            return;
        }
        FileTrees.deleteTree(ws.dir());
        try {
            Files.createDirectories(ws.dir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot recreate the workspace " + ws.dir(), e);
        }
        FileTrees.copyTree(source, ws.dir());
    }

    private static List<String> artifacts(Path workspace) {
        return FileTrees.regularFiles(workspace).stream()
                .map(p -> workspace.relativize(p).toString().replace('\\', '/'))
                .filter(TreeOutcome::isArtifact)
                .sorted()
                .toList();
    }

    private static boolean isArtifact(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        String name = lower.substring(lower.lastIndexOf('/') + 1);
        return name.startsWith("submission") || IMAGES.stream().anyMatch(lower::endsWith);
    }
}
