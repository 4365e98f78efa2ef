package org.mlrcopilot.papers.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.mlrcopilot.agents.idea.Hypothesis;
import org.mlrcopilot.agents.prototype.RegisteredTask;
import org.mlrcopilot.agents.prototype.TaskMatch;
import org.mlrcopilot.agents.research.PlanText;
import org.mlrcopilot.agents.setup.PlanFile;
import org.mlrcopilot.agents.task.TaskSpec;
import org.mlrcopilot.agents.task.Tasks;
import org.mlrcopilot.papers.fetch.FetchPolicy;
import org.mlrcopilot.papers.fetch.GuardedHttpClient;
import org.mlrcopilot.papers.literature.RelatedWorkFinder;
import org.mlrcopilot.papers.prototype.PrototypeFinder;

/**
 * Prints the similarity of every plan under {@code agents/src/test/resources/setup/plans} (and the hypotheses of the
 * idea fixtures) to every shipped task, with the real embedding model: the measurements behind experiment.taskMatch.
 * <pre>mvn -q -pl papers test-compile exec:java -Dexec.mainClass=org.mlrcopilot.papers.hub.TaskMatchProbe
 *     -Dexec.classpathScope=test</pre>
 */
public final class TaskMatchProbe {

    public static void main(String[] args) throws Exception {
        Path root = Files.isDirectory(Path.of("tasks")) ? Path.of(".") : Path.of("..");
        List<TaskSpec> tasks = Tasks.discover(root.resolve("tasks"));
        List<RegisteredTask> known = tasks.stream()
                .map(t -> new RegisteredTask(t.name(), t.researchProblem()))
                .toList();
        PrototypeFinder finder = new PrototypeFinder(
                new GuardedHttpClient(FetchPolicy.defaults()),
                URI.create("https://huggingface.co"),
                "",
                RelatedWorkFinder.localEmbeddings(),
                Duration.ofSeconds(5));
        try (Stream<Path> plans = Files.list(root.resolve("agents/src/test/resources/setup/plans"))) {
            for (Path plan : plans.sorted().toList()) {
                print(plan.getFileName().toString(), PlanFile.read(plan, ""), finder, known);
            }
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode ideas =
                (ObjectNode) json.readTree(root.resolve("agents/src/test/resources/idea/answers/hypotheses.json")
                        .toFile());
        int n = 1;
        for (JsonNode h : ideas.get("hypotheses")) {
            ((ObjectNode) h).put("id", "H" + n++);
        }
        Path ideasFile = Files.createTempFile("mlr-ideas-", ".json");
        json.writeValue(ideasFile.toFile(), ideas);
        for (String id : List.of("H1", "H2", "H3")) {
            print("idea fixture " + id, PlanFile.read(ideasFile, id), finder, known);
        }
        Files.delete(ideasFile);
    }

    private static void print(String name, Hypothesis h, PrototypeFinder finder, List<RegisteredTask> known) {
        StringBuilder line = new StringBuilder(String.format("%-28s", name));
        for (TaskMatch m : finder.rankTasks(PlanText.of(h), known)) {
            line.append(String.format("  %s %.3f", m.name(), m.score()));
        }
        System.out.println(line);
    }
}
