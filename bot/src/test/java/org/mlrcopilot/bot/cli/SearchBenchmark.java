package org.mlrcopilot.bot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mlrcopilot.bot.llm.FakeLlmServer;

/**
 * The loop and the tree search on the same menu of changes, through the real command line, the real OpenAI client
 * against a fake LLM server, and the real sandbox, on the digits task. The menu: an RBF SVC with a typo (it crashes),
 * a longer logistic regression, the RBF SVC fixed. The loop writes and runs each in turn and ends with a final
 * answer; the tree drafts the first two and debugs the crash. Two orders: the best change last, and a worse change
 * after the best one. Reports, per mode and order, the median of several runs of: the final score, model calls,
 * steps or nodes, and wall time. Run with {@code mvn -q -pl bot test-compile exec:java
 * -Dexec.mainClass=org.mlrcopilot.bot.cli.SearchBenchmark -Dexec.classpathScope=test [-Dexec.args=RUNS]}
 */
public final class SearchBenchmark {

    private static final Path ROOT = Files.isDirectory(Path.of("tasks")) ? Path.of(".") : Path.of("..");
    private static final Path TASK = ROOT.resolve("tasks/digits-classifier");
    private static final ObjectMapper JSON = new ObjectMapper();

    private SearchBenchmark() {}

    private record Outcome(double score, int calls, int steps, long millis) {}

    public static void main(String[] args) throws IOException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        String svc = Files.readString(ROOT.resolve("agents/src/test/resources/experiment/train_svc.py"));
        String crash = svc.replace("model.fit(x_fit, y_fit)", "model.fit(x_fit, y_fitt)");
        String logistic = Files.readString(TASK.resolve("env/train.py")).replace("max_iter=20", "max_iter=2000");
        Map<String, List<String>> orders = new LinkedHashMap<>();
        orders.put("best last", List.of(crash, logistic, svc));
        orders.put("worse after best", List.of(crash, svc, logistic));
        System.out.println(
                "order | mode | final score | model calls | steps or nodes | wall time (median of " + runs + " runs)");
        for (var order : orders.entrySet()) {
            List<Outcome> loop = new ArrayList<>();
            List<Outcome> tree = new ArrayList<>();
            for (int r = 0; r < runs; r++) {
                loop.add(loop(order.getValue()));
                tree.add(tree(order.getValue()));
            }
            print(order.getKey(), "loop", loop);
            print(order.getKey(), "tree", tree);
            System.out.printf(
                    Locale.ROOT,
                    "%s | tree/loop wall time | %.2f%n",
                    order.getKey(),
                    median(tree, o -> o.millis) / median(loop, o -> o.millis));
        }
    }

    /** The loop: write and run each change of the menu, then a final answer. */
    private static Outcome loop(List<String> menu) throws IOException {
        Path dir = Files.createTempDirectory("mlr-search-loop-");
        try (FakeLlmServer llm = FakeLlmServer.start()) {
            configure(dir, llm);
            for (String code : menu) {
                tool(llm, "write_file", Map.of("file_name", "train.py", "content", code));
                tool(llm, "execute_script", Map.of("script_name", "train.py"));
            }
            tool(llm, "final_answer", Map.of("answer", "Tried the menu."));
            return run(dir, llm, "--search", "loop");
        }
    }

    /** The tree: the first two changes as drafts, the third as the fix of the first, three nodes. */
    private static Outcome tree(List<String> menu) throws IOException {
        Path dir = Files.createTempDirectory("mlr-search-tree-");
        try (FakeLlmServer llm = FakeLlmServer.start()) {
            configure(dir, llm);
            for (String code : List.of(menu.get(0), menu.get(1), menu.get(2))) {
                llm.enqueueText(JSON.writeValueAsString(Map.of("plan", "a change", "files", Map.of("train.py", code))));
            }
            return run(dir, llm, "--search", "tree", "--drafts", "2", "--workers", "1", "--max-nodes", "3");
        }
    }

    private static Outcome run(Path dir, FakeLlmServer llm, String... search) throws IOException {
        List<String> args = new ArrayList<>(List.of("--dir", dir.toString(), "experiment", "--task", TASK.toString()));
        args.addAll(List.of(search));
        args.add("--json");
        long started = System.nanoTime();
        CliRunner.Outcome outcome = CliRunner.run(args.toArray(String[]::new));
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (outcome.exitCode() != 0) {
            throw new IllegalStateException("the run failed: " + outcome.err());
        }
        JsonNode result = JSON.readTree(outcome.lastLine());
        return new Outcome(
                result.get("final").asDouble(),
                llm.requests().size(),
                result.get("steps").asInt(),
                millis);
    }

    private static void configure(Path dir, FakeLlmServer llm) throws IOException {
        Files.writeString(
                dir.resolve("mlr.yaml"),
                "store:\n  dataDir: " + dir.resolve("data") + "\n"
                        + "llm:\n  provider: openai\n  baseUrl: " + llm.baseUrl("openai") + "\n  maxRetries: 0\n"
                        + "papers:\n  huggingFaceUrl: http://127.0.0.1:9/\n"
                        + "experiment:\n  debugProbability: 1\n");
        Files.writeString(dir.resolve(".env"), "OPENAI_API_KEY=sk-bench-search\n");
    }

    private static void tool(FakeLlmServer llm, String name, Map<String, String> args) throws IOException {
        Map<String, String> withLog = new LinkedHashMap<>(args);
        withLog.put("log", "Trying the next change of the menu.");
        llm.enqueueToolCall(name, JSON.writeValueAsString(withLog));
    }

    private static void print(String order, String mode, List<Outcome> outcomes) {
        System.out.printf(
                Locale.ROOT,
                "%s | %s | %.4f | %.0f | %.0f | %.1f s%n",
                order,
                mode,
                median(outcomes, o -> o.score),
                median(outcomes, o -> o.calls),
                median(outcomes, o -> o.steps),
                median(outcomes, o -> o.millis) / 1000.0);
    }

    private static double median(List<Outcome> outcomes, java.util.function.ToDoubleFunction<Outcome> value) {
        double[] sorted = outcomes.stream().mapToDouble(value).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
