package org.mlrcopilot.bot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.openai.OpenAiTokenCountEstimator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.mlrcopilot.bot.llm.FakeLlmServer;
import org.mlrcopilot.bot.llm.RecordedLlmRequest;

/**
 * The loop and the tree search on the same menu of changes, through the real command line, the real OpenAI client
 * against a fake LLM server, and the real sandbox, on the four shipped tasks. Each task's menu holds three whole
 * solutions: the clearly better one with a typo (it crashes), a change that is worse or only slightly better than the
 * starter code, and the clearly better one. The loop writes and runs each in turn and ends with a final answer; the
 * tree drafts the first two and debugs the crash (three nodes, so the same three solutions). Two orders: the best
 * change last, and a worse change after the best one. Both modes run interleaved (which one goes first alternates),
 * with the same configuration and dollar budget, after one warm-up pair that is not counted.
 *
 * <p>Reports, per task, order and mode, the median of several runs of what the command's {@code --json} line says:
 * the baseline and final score (both on the test half of the held-out rows), model calls, steps or nodes; and of what
 * the harness measures: wall time, the prompt tokens sent (GPT-4o tokenizer over each request's messages and tools)
 * with the scripted answers' tokens priced at gpt-4o rates, and the tree/loop wall-time ratio of each run's pair.
 * Run with {@code mvn -q -pl bot test-compile exec:java -Dexec.mainClass=org.mlrcopilot.bot.cli.SearchBenchmark
 * -Dexec.classpathScope=test [-Dexec.args="RUNS [task ...]"]} (default 3 runs, all four tasks).
 */
public final class SearchBenchmark {

    private static final Path ROOT = Files.isDirectory(Path.of("tasks")) ? Path.of(".") : Path.of("..");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenAiTokenCountEstimator TOKENS = new OpenAiTokenCountEstimator("gpt-4o");
    /** gpt-4o's list price, US dollars per million input and output tokens (as the project's price table). */
    private static final double INPUT_USD = 2.50;

    private static final double OUTPUT_USD = 10.00;
    /** The same model budget for both modes; far above what three changes cost, so it never ends a run. */
    private static final double BUDGET_USD = 1.0;

    private SearchBenchmark() {}

    /** One task's menu: the crashing change, the worse or slightly better one, the clearly better one. */
    private record Menu(String task, String crash, String middle, String best) {
        Path dir() {
            return ROOT.resolve("tasks").resolve(task);
        }
    }

    private record Outcome(
            double baseline,
            double score,
            int calls,
            double jsonCostUsd,
            long promptTokens,
            long answerTokens,
            int steps,
            long millis,
            String nodes) {
        double usd() {
            return (promptTokens * INPUT_USD + answerTokens * OUTPUT_USD) / 1_000_000;
        }
    }

    public static void main(String[] args) throws IOException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        List<String> only = args.length > 1 ? Arrays.asList(args).subList(1, args.length) : List.of();
        List<Menu> menus = menus().stream()
                .filter(m -> only.isEmpty() || only.contains(m.task()))
                .toList();
        if (menus.isEmpty()) {
            throw new IllegalArgumentException("no shipped task among " + only);
        }
        Menu first = menus.get(0);
        List<String> warmUp = List.of(first.crash(), first.middle(), first.best());
        System.out.println("warm-up (not counted): loop " + loop(first, warmUp).millis() + " ms, tree "
                + tree(first, warmUp).millis() + " ms");
        List<String> table = new ArrayList<>();
        int pair = 0;
        for (Menu menu : menus) {
            Map<String, List<String>> orders = new LinkedHashMap<>();
            orders.put("best last", List.of(menu.crash(), menu.middle(), menu.best()));
            orders.put("worse after best", List.of(menu.crash(), menu.best(), menu.middle()));
            for (var order : orders.entrySet()) {
                List<Outcome> loop = new ArrayList<>();
                List<Outcome> tree = new ArrayList<>();
                List<Double> ratios = new ArrayList<>();
                for (int r = 0; r < runs; r++) {
                    Outcome l;
                    Outcome t;
                    if (pair++ % 2 == 0) {
                        l = loop(menu, order.getValue());
                        t = tree(menu, order.getValue());
                    } else {
                        t = tree(menu, order.getValue());
                        l = loop(menu, order.getValue());
                    }
                    loop.add(l);
                    tree.add(t);
                    ratios.add(t.millis() / (double) l.millis());
                    System.out.printf(
                            Locale.ROOT,
                            "run %d %s, %s: loop final %.4f (baseline %.4f) in %d ms; tree final %.4f (baseline %.4f)"
                                    + " in %d ms, nodes %s%n",
                            r + 1,
                            menu.task(),
                            order.getKey(),
                            l.score(),
                            l.baseline(),
                            l.millis(),
                            t.score(),
                            t.baseline(),
                            t.millis(),
                            t.nodes());
                }
                String where = menu.task() + " | " + order.getKey();
                table.add(row(where, "loop", loop, ""));
                table.add(row(
                        where,
                        "tree",
                        tree,
                        String.format(Locale.ROOT, " (**%.2f x** the loop)", median(ratios, Double::doubleValue))));
            }
        }
        System.out.println();
        System.out.println("Medians of " + runs + " runs; scores on the test half; tree/loop wall time: the median of "
                + "each run's ratio.");
        System.out.println();
        System.out.println("| task | order | mode | baseline | final score | model calls | prompt tokens | cost at "
                + "gpt-4o prices | steps or nodes | wall time |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        table.forEach(System.out::println);
    }

    /** The four shipped tasks' menus, written from each task's README and its starter code. */
    private static List<Menu> menus() throws IOException {
        List<Menu> menus = new ArrayList<>();

        String digits = starter("digits-classifier");
        String svc = Files.readString(ROOT.resolve("agents/src/test/resources/experiment/train_svc.py"));
        menus.add(new Menu(
                "digits-classifier",
                change(svc, "model.fit(x_fit, y_fit)", "model.fit(x_fit, y_fitt)"),
                change(digits, "max_iter=20", "max_iter=2000"),
                svc));

        String diabetes = starter("diabetes-regression");
        String ridge = change(
                change(
                        change(
                                diabetes,
                                "FEATURES = [\"bmi\", \"bp\", \"s5\"]",
                                "FEATURES = [\"age\", \"sex\", \"bmi\", \"bp\", \"s1\", \"s2\", \"s3\", \"s4\", \"s5\","
                                        + " \"s6\"]"),
                        "from sklearn.linear_model import LinearRegression",
                        "from sklearn.linear_model import RidgeCV"),
                "model = LinearRegression()",
                "model = RidgeCV()");
        menus.add(new Menu(
                "diabetes-regression",
                change(
                        ridge,
                        "model.fit(train[FEATURES], train[\"target\"])",
                        "model.fit(train[FEATURES], train[\"tagret\"])"),
                change(
                        change(
                                diabetes,
                                "from sklearn.linear_model import LinearRegression",
                                "from sklearn.tree import DecisionTreeRegressor"),
                        "model = LinearRegression()",
                        "model = DecisionTreeRegressor(max_depth=3, random_state=0)"),
                ridge));

        String cancer = starter("breast-cancer-classifier");
        String cancerLogistic = change(
                change(
                        cancer,
                        "from sklearn.tree import DecisionTreeClassifier",
                        "from sklearn.linear_model import LogisticRegression\n"
                                + "from sklearn.pipeline import make_pipeline\n"
                                + "from sklearn.preprocessing import StandardScaler"),
                "model = DecisionTreeClassifier(max_depth=1, random_state=0)",
                "model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))");
        menus.add(new Menu(
                "breast-cancer-classifier",
                typo(cancerLogistic),
                change(cancer, "max_depth=1", "max_depth=3"),
                cancerLogistic));

        String wine = starter("wine-classifier");
        String wineLogistic = change(
                change(
                        wine,
                        "from sklearn.neighbors import KNeighborsClassifier",
                        "from sklearn.linear_model import LogisticRegression\n"
                                + "from sklearn.pipeline import make_pipeline\n"
                                + "from sklearn.preprocessing import StandardScaler"),
                "model = KNeighborsClassifier(n_neighbors=5)",
                "model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))");
        menus.add(new Menu(
                "wine-classifier", typo(wineLogistic), change(wine, "n_neighbors=5", "n_neighbors=15"), wineLogistic));
        return menus;
    }

    private static String starter(String task) throws IOException {
        return Files.readString(ROOT.resolve("tasks").resolve(task).resolve("env/train.py"));
    }

    /** A misspelt column in the fit: a KeyError when the script runs. */
    private static String typo(String code) {
        return change(
                code, "model.fit(train[features], train[\"label\"])", "model.fit(train[features], train[\"lable\"])");
    }

    /** {@code code} with its one {@code from} replaced; fails when the starter code no longer holds it. */
    private static String change(String code, String from, String to) {
        int at = code.indexOf(from);
        if (at < 0 || code.indexOf(from, at + 1) >= 0) {
            throw new IllegalStateException("the menu's change expects exactly one `" + from + "` in:\n" + code);
        }
        return code.replace(from, to);
    }

    /** The loop: write and run each change of the menu, then a final answer. */
    private static Outcome loop(Menu menu, List<String> order) throws IOException {
        Path dir = Files.createTempDirectory("mlr-search-loop-");
        try (FakeLlmServer llm = FakeLlmServer.start()) {
            configure(dir, llm);
            long answers = 0;
            for (String code : order) {
                answers += tool(llm, "write_file", Map.of("file_name", "train.py", "content", code));
                answers += tool(llm, "execute_script", Map.of("script_name", "train.py"));
            }
            answers += tool(llm, "final_answer", Map.of("answer", "Tried the menu."));
            return run(dir, llm, menu, answers, "--search", "loop");
        }
    }

    /** The tree: the first two changes as drafts, the third as the fix of the first, three nodes. */
    private static Outcome tree(Menu menu, List<String> order) throws IOException {
        Path dir = Files.createTempDirectory("mlr-search-tree-");
        try (FakeLlmServer llm = FakeLlmServer.start()) {
            configure(dir, llm);
            long answers = 0;
            for (String code : order) {
                String answer = JSON.writeValueAsString(Map.of("plan", "a change", "files", Map.of("train.py", code)));
                llm.enqueueText(answer);
                answers += TOKENS.estimateTokenCountInText(answer);
            }
            Outcome outcome = run(
                    dir, llm, menu, answers, "--search", "tree", "--drafts", "2", "--workers", "1", "--max-nodes", "3");
            if (!outcome.nodes().matches("draft failed, draft done [0-9.]+, debug of n1 done [0-9.]+")) {
                throw new IllegalStateException("the tree did not make the menu's three solutions: " + outcome.nodes());
            }
            return outcome;
        }
    }

    private static Outcome run(Path dir, FakeLlmServer llm, Menu menu, long answerTokens, String... search)
            throws IOException {
        List<String> args = new ArrayList<>(List.of(
                "--dir", dir.toString(), "experiment", "--task", menu.dir().toString()));
        args.addAll(List.of(search));
        args.add("--json");
        long started = System.nanoTime();
        CliRunner.Outcome outcome = CliRunner.run(args.toArray(String[]::new));
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (outcome.exitCode() != 0) {
            throw new IllegalStateException("the run failed: " + outcome.err());
        }
        if (llm.pendingReplies() != 0) {
            throw new IllegalStateException(
                    "the run left " + llm.pendingReplies() + " of the menu's answers unused: " + outcome.err());
        }
        JsonNode result = JSON.readTree(outcome.lastLine());
        if (result.get("final").isNull()) {
            throw new IllegalStateException("the run reported no final score: " + outcome.lastLine());
        }
        long promptTokens = 0;
        for (RecordedLlmRequest request : llm.requests()) {
            promptTokens += TOKENS.estimateTokenCountInText(
                    request.body().path("messages").toString());
            if (request.body().has("tools")) {
                promptTokens += TOKENS.estimateTokenCountInText(
                        request.body().get("tools").toString());
            }
        }
        return new Outcome(
                result.get("baseline").asDouble(),
                result.get("final").asDouble(),
                result.at("/usage/calls").asInt(),
                result.at("/usage/costUsd").asDouble(),
                promptTokens,
                answerTokens,
                result.get("steps").asInt(),
                millis,
                nodes(result.path("nodes")));
    }

    /** The tree's nodes as the JSON line gives them: operator, status and validation score of each. */
    private static String nodes(JsonNode nodes) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : nodes) {
            String parent =
                    n.path("parent").isTextual() ? " of " + n.path("parent").asText() : "";
            String score = n.path("score").isNumber()
                    ? String.format(Locale.ROOT, " %.4f", n.path("score").asDouble())
                    : "";
            out.add(n.path("operator").asText() + parent + " "
                    + n.path("status").asText() + score);
        }
        return String.join(", ", out);
    }

    private static void configure(Path dir, FakeLlmServer llm) throws IOException {
        Files.writeString(
                dir.resolve("mlr.yaml"),
                "store:\n  dataDir: " + dir.resolve("data") + "\n"
                        + "llm:\n  provider: openai\n  baseUrl: " + llm.baseUrl("openai") + "\n  maxRetries: 0\n"
                        + "budget:\n  perResearchUsd: " + BUDGET_USD + "\n"
                        + "papers:\n  huggingFaceUrl: http://127.0.0.1:9/\n"
                        + "experiment:\n  debugProbability: 1\n");
        Files.writeString(dir.resolve(".env"), "OPENAI_API_KEY=sk-bench-search\n");
    }

    /** Enqueues one tool call; returns the tokens of its arguments (the answer the model would write). */
    private static long tool(FakeLlmServer llm, String name, Map<String, String> args) throws IOException {
        Map<String, String> withLog = new LinkedHashMap<>(args);
        withLog.put("log", "Trying the next change of the menu.");
        String arguments = JSON.writeValueAsString(withLog);
        llm.enqueueToolCall(name, arguments);
        return TOKENS.estimateTokenCountInText(name + arguments);
    }

    private static String row(String where, String mode, List<Outcome> outcomes, String ratio) {
        return String.format(
                Locale.ROOT,
                "| %s | %s | %.4f | %.4f | %.0f | %,.0f | $%.4f (JSON: $%.4f) | %.0f | %.1f s%s |",
                where,
                mode,
                median(outcomes, Outcome::baseline),
                median(outcomes, Outcome::score),
                median(outcomes, Outcome::calls),
                median(outcomes, Outcome::promptTokens),
                median(outcomes, Outcome::usd),
                median(outcomes, Outcome::jsonCostUsd),
                median(outcomes, Outcome::steps),
                median(outcomes, Outcome::millis) / 1000.0,
                ratio);
    }

    private static <T> double median(List<T> values, ToDoubleFunction<T> value) {
        double[] sorted = values.stream().mapToDouble(value).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
