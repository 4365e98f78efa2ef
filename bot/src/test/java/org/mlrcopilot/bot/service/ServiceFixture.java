package org.mlrcopilot.bot.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.mlrcopilot.bot.llm.FakeLlmServer;
import org.mlrcopilot.bot.testing.FakeHubDatasets;
import org.mlrcopilot.config.ConfigLoader;
import org.mlrcopilot.config.MlrConfig;

/**
 * Everything the service talks to, faked at the wire: a site serving two papers (and a 404), OpenAlex answering,
 * Semantic Scholar rate-limited, the LLM answering the idea prompts by their JSON schema (and experiment steps
 * from its queue); plus a tasks directory holding the digits task, and a data directory.
 */
final class ServiceFixture implements AutoCloseable {

    /** The repository root, from the bot module (tests) or the root (benchmarks run by exec:java). */
    static final Path ROOT = Files.isDirectory(Path.of("../tasks")) ? Path.of("..") : Path.of(".");

    static final Path ANSWERS = ROOT.resolve("agents/src/test/resources/idea/answers");
    static final Path SPECTER = ROOT.resolve("papers/src/test/resources/papers/2020.acl-main.207.pdf");
    static final Path SECOND = ROOT.resolve("papers/src/test/resources/papers/N18-3011.pdf");
    static final Path OPENALEX = ROOT.resolve("papers/src/test/resources/literature/openalex/works.json");
    static final Path TASK = ROOT.resolve("tasks/digits-classifier");
    /** H1 fits the digits task, H2 names a Hub dataset, H3 only data nobody can fetch. */
    static final Path SERVICE_ANSWERS = ROOT.resolve("bot/src/test/resources/service/answers");

    final Path dir;
    final MockWebServer site = new MockWebServer();
    final FakeLlmServer llm = FakeLlmServer.start();
    final int port;
    private final ObjectMapper json = new ObjectMapper();

    private final Map<String, String> env;

    /** {@code env}: extra settings as environment variables, e.g. MLR_SERVICE_APPROVERS. */
    ServiceFixture(Path dir, Map<String, String> env) {
        Map<String, String> all = new LinkedHashMap<>(env);
        all.put("OPENAI_API_KEY", "sk-test-service");
        this.env = Map.copyOf(all);
        this.dir = dir;
        try {
            byte[] specter = Files.readAllBytes(SPECTER);
            byte[] second = Files.readAllBytes(SECOND);
            String works = Files.readString(OPENALEX);
            site.setDispatcher(dispatcher(specter, second, works));
            site.start();
            copyTask();
            this.port = freePort();
            writeConfig();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        llm.answerBy(request ->
                answerFor(request.body().at("/response_format/json_schema/name").asText()));
    }

    static String answerFor(String schema) {
        String name = switch (schema) {
            case "research_elements" -> "elements.json";
            case "hypotheses" -> "hypotheses.json";
            case "reviews" -> "review.json";
            case "revision" -> "revision.json";
            default -> null;
        };
        try {
            Path own = SERVICE_ANSWERS.resolve(name == null ? "-" : name);
            return name == null ? null : Files.readString(Files.isRegularFile(own) ? own : ANSWERS.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String paperUrl() {
        return site.url("/specter.pdf").toString();
    }

    String secondPaperUrl() {
        return site.url("/citations.pdf").toString();
    }

    String missingPaperUrl() {
        return site.url("/missing.pdf").toString();
    }

    MlrConfig config() {
        return ConfigLoader.load(dir, env).config();
    }

    /** Starts the service; its start-up report goes to {@code report}. */
    BotService start(ByteArrayOutputStream report) {
        return BotService.start(config(), new PrintStream(report, true, StandardCharsets.UTF_8));
    }

    /**
     * Starts `mlr serve` from the packaged jar as its own process on this fixture's directory, with {@code env}
     * added to its environment and its output appended to serve.log; returns once /healthz answers 200.
     */
    Process serve(Path jar, Map<String, String> extraEnv) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                        "java", "-jar", jar.toAbsolutePath().toString(), "--dir", dir.toString(), "serve")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("serve.log").toFile()));
        builder.environment().put("OPENAI_API_KEY", "sk-test-service");
        builder.environment().putAll(extraEnv);
        Process serve = builder.start();
        ChatClient client = new ChatClient(port, "u-bob", "bob");
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(() -> client.status("/healthz") == 200);
        return serve;
    }

    /** Enqueues one agent action (an MLAgentBench tool call) for the experiment loop. */
    void action(String tool, Map<String, String> args) {
        Map<String, String> withLog = new LinkedHashMap<>(args);
        withLog.put("log", "research log after " + tool);
        try {
            llm.enqueueToolCall(tool, json.writeValueAsString(withLog));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A better model for the digits task that also saves a plot of its validation accuracy. */
    static String trainingScriptWithPlot() throws IOException {
        return Files.readString(ROOT.resolve("agents/src/test/resources/experiment/train_svc.py"))
                + "\nimport matplotlib\nmatplotlib.use('Agg')\nimport matplotlib.pyplot as plt\n"
                + "plt.bar(['baseline', 'svc'], [0.96, model.score(x_val, y_val)])\nplt.savefig('accuracy.png')\n"
                + "print('saved accuracy.png')\n";
    }

    private void writeConfig() throws IOException {
        String base = site.url("/").toString();
        Files.writeString(
                dir.resolve("mlr.yaml"),
                "fetch:\n  allowPrivateAddresses: true\n"
                        + "store:\n  dataDir: " + dir.resolve("data") + "\n"
                        + "web:\n  port: " + port + "\n  auth: none\n"
                        + "sandbox:\n  timeout: 120s\n"
                        + "papers:\n  semanticScholarUrl: " + base + "s2\n  openAlexUrl: " + base + "openalex\n"
                        + "  arxivApiUrl: " + base + "arxiv\n  relatedWorkDeadline: 20s\n  huggingFaceUrl: " + base
                        + "hub\n"
                        + "llm:\n  provider: openai\n  baseUrl: " + llm.baseUrl("openai") + "\n  maxRetries: 0\n"
                        + "  timeout: 30s\n"
                        // the flows script the agent loop's tool calls, and those that do not test the in-run
                        // approval gate run without it
                        + "experiment:\n  maxSteps: 6\n  approval: none\n  search: loop\n"
                        + "service:\n  tasksDir: " + dir.resolve("tasks") + "\n  statusInterval: 100ms\n");
    }

    private void copyTask() throws IOException {
        Path target = dir.resolve("tasks").resolve("digits-classifier");
        try (Stream<Path> files = Files.walk(TASK)) {
            for (Path p : files.toList()) {
                Path to = target.resolve(TASK.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
    }

    private static Dispatcher dispatcher(byte[] specter, byte[] second, String works) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getPath();
                if (path.equals("/specter.pdf") || path.equals("/citations.pdf")) {
                    return new MockResponse()
                            .setHeader("Content-Type", "application/pdf")
                            .setBody(new Buffer().write(path.equals("/specter.pdf") ? specter : second));
                }
                if (path.startsWith("/openalex/works")) {
                    return new MockResponse()
                            .setHeader("Content-Type", "application/json")
                            .setBody(works);
                }
                if (path.startsWith("/hub/")) {
                    return FakeHubDatasets.answer(path.substring("/hub".length()));
                }
                return path.startsWith("/s2/")
                        ? new MockResponse().setResponseCode(429)
                        : new MockResponse().setResponseCode(404);
            }
        };
    }

    /** Enqueues the set-up agent's steps for H2: split, evaluation, majority baseline, finish. */
    void setupSteps() throws IOException {
        action("write_file", Map.of("file_name", "split.py", "content", FakeHubDatasets.script("split.py")));
        action("execute_script", Map.of("script_name", "split.py"));
        action("write_file", Map.of("file_name", "eval.py", "content", FakeHubDatasets.script("eval.py")));
        action(
                "write_file",
                Map.of("file_name", "env/train.py", "content", FakeHubDatasets.script("train_majority.py")));
        action(
                "finish_setup",
                Map.of(
                        "metric",
                        "accuracy",
                        "direction",
                        "higher",
                        "summary",
                        "env/data/train.csv (text,label) and env/data/test_features.csv (id,text); train.py writes "
                                + "submission.csv (id,label) with the majority label"));
    }

    /** A better model for H2's task: TF-IDF with logistic regression. */
    static String tfidfScript() throws IOException {
        return FakeHubDatasets.script("train_tfidf.py");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        try {
            llm.close();
        } catch (UncheckedIOException e) {
            // a deliberately slow answer still pending
        }
        try {
            site.shutdown();
        } catch (IOException e) {
            // same
        }
    }
}
