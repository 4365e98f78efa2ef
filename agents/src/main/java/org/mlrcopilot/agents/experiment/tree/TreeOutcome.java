package org.mlrcopilot.agents.experiment.tree;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mlrcopilot.agents.experiment.ExperimentResult;
import org.mlrcopilot.agents.experiment.StopReason;
import org.mlrcopilot.agents.task.FileTrees;
import org.mlrcopilot.agents.task.Score;
import org.mlrcopilot.agents.task.TaskSpec;
import org.mlrcopilot.agents.task.Workspace;

/** The end of a search: the best node's workspace becomes the run's, and the result is assembled. */
final class TreeOutcome {

    private static final List<String> IMAGES = List.of(".png", ".jpg", ".jpeg", ".svg", ".pdf");

    private final TaskSpec task;
    private final Workspace ws;
    private final Path starter;

    TreeOutcome(TaskSpec task, Workspace ws, Path starter) {
        this.task = task;
        this.ws = ws;
        this.starter = starter;
    }

    TreeResult of(double baseline, SolutionTree tree, StopReason stop) {
        Optional<Node> best = tree.best(task.direction());
        best.ifPresent(this::adopt);
        Score base = Double.isNaN(baseline) ? null : new Score(task.metric(), baseline, task.direction());
        Score last = best.map(b -> new Score(task.metric(), b.score(), task.direction()))
                .orElse(null);
        Double pct = last == null || base == null ? null : last.improvementPctOver(base);
        Boolean success = last == null || base == null ? null : last.successOver(base);
        String answer = best.map(
                        b -> "best node " + b.id() + " (" + b.operator().label() + "): " + b.plan())
                .orElse("");
        String diff = best.isPresent() && Files.isDirectory(starter) ? ws.diffFrom(starter) : "";
        int finished = (int) tree.nodes().stream().filter(n -> !n.isRunning()).count();
        ExperimentResult result = new ExperimentResult(
                baseline,
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
        return new TreeResult(result, tree.nodes(), best.map(Node::id).orElse(null));
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
