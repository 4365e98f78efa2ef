package org.mlrcopilot.papers.hub;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.mlrcopilot.agents.idea.Hypothesis;
import org.mlrcopilot.agents.research.PlanText;
import org.mlrcopilot.agents.setup.ExperimentSetup;
import org.mlrcopilot.agents.setup.SetupListener;
import org.mlrcopilot.agents.setup.SetupReport;
import org.mlrcopilot.agents.setup.SetupRequest;
import org.mlrcopilot.agents.setup.SetupSettings;
import org.mlrcopilot.agents.setup.TableConverter;
import org.mlrcopilot.agents.task.FileTrees;
import org.mlrcopilot.papers.fetch.FetchPolicy;
import org.mlrcopilot.sandbox.Limits;
import org.mlrcopilot.sandbox.SandboxSettings;
import org.mlrcopilot.sandbox.docker.DockerSandbox;

/**
 * Set-up time and bytes fetched for three plans of different sizes (review datasets of 240, 20,000 and 200,000
 * rows on a fake Hugging Face Hub, the largest sampled to experiment.maxRows), with the real guarded client, the
 * real Docker sandbox and a scripted set-up agent (split, evaluation, baseline, finish): medians over the runs,
 * and the share of the set-up spent downloading versus the rest (sandbox runs of split.py and the baseline, the
 * frozen scoring, file copies; the scripted model answers at once). One warm-up run per plan.
 * <pre>mvn -q -pl papers test-compile exec:java -Dexec.mainClass=org.mlrcopilot.papers.hub.SetupBenchmark
 *     -Dexec.classpathScope=test [-Dexec.args="runs"]</pre>
 */
public final class SetupBenchmark {

    private static final Path SCRIPTS =
            Path.of(Files.isDirectory(Path.of("papers")) ? "papers" : ".").resolve("src/test/resources/setup/scripts");

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path tmp = Files.createTempDirectory("mlr-setup-bench-");
        try (FakeSources sources = new FakeSources();
                DockerSandbox sandbox = DockerSandbox.start(SandboxSettings.defaults())) {
            System.out.printf(
                    Locale.ROOT,
                    "%-8s %10s %12s %10s %10s %12s %9s%n",
                    "plan",
                    "rows",
                    "bytes",
                    "total",
                    "download",
                    "sandbox etc",
                    "download%");
            String[] names = {"small", "medium", "large"};
            int[] sizes = {240, 20_000, 200_000};
            for (int p = 0; p < sizes.length; p++) {
                int rows = sizes[p];
                String id = "bench/reviews-" + rows;
                sources.dataset(id, "apache-2.0", Map.of("data/train.csv", reviews(rows)));
                long[] total = new long[runs];
                long[] fetch = new long[runs];
                long bytes = 0;
                for (int i = -1; i < runs; i++) {
                    SetupReport r = once(sandbox, sources, id, tmp.resolve("r" + rows + "-" + i));
                    if (i >= 0) {
                        total[i] = r.totalTime().toMillis();
                        fetch[i] = r.fetchTime().toMillis();
                        bytes = r.bytes();
                    }
                }
                long t = median(total);
                long f = median(fetch);
                System.out.printf(
                        Locale.ROOT,
                        "%-8s %10d %12d %7d ms %7d ms %9d ms %8.1f%%%n",
                        names[p],
                        rows,
                        bytes,
                        t,
                        f,
                        t - f,
                        100.0 * f / t);
            }
        } finally {
            FileTrees.deleteTree(tmp);
        }
    }

    private static SetupReport once(DockerSandbox sandbox, FakeSources sources, String id, Path runDir)
            throws IOException {
        String raw = "raw/" + DatasetResolver.safeName(id) + "/data/train.csv";
        ScriptedModel model = new ScriptedModel()
                .tool(
                        "write_file",
                        Map.of(
                                "file_name",
                                "split.py",
                                "content",
                                Files.readString(SCRIPTS.resolve("split.py"))
                                        .replace("raw/imdb-mini_reviews/data/train.csv", raw)))
                .tool(
                        "write_file",
                        Map.of("file_name", "eval.py", "content", Files.readString(SCRIPTS.resolve("eval.py"))))
                .tool(
                        "write_file",
                        Map.of(
                                "file_name",
                                "env/train.py",
                                "content",
                                Files.readString(SCRIPTS.resolve("train_majority.py"))))
                .tool("finish_setup", Map.of("metric", "accuracy", "direction", "higher", "summary", "bench"));
        Hypothesis h = ExperimentSetupIT.sentimentPlan(id);
        SetupSettings settings =
                SetupSettings.defaults().withHub(sources.hub(), "").withGithub(URI.create("http://127.0.0.1:9/"));
        ExperimentSetup setup = new ExperimentSetup(
                model,
                sandbox,
                Limits.defaults().withWallTime(Duration.ofMinutes(5)),
                new HubDownloads(
                        FetchPolicy.defaults().withAllowPrivateAddresses(true), TableConverter.none(), settings),
                (plan, tasks) -> List.of(),
                settings);
        return setup.prepare(
                new SetupRequest(h, PlanText.of(h), List.of(), Map.of(), List.of(), runDir, ""),
                SetupListener.ignore());
    }

    static byte[] reviews(int rows) {
        Random random = new Random(rows);
        String[] pos = {"wonderful", "brilliant", "moving", "superb", "delightful", "charming"};
        String[] neg = {"boring", "dreadful", "clumsy", "tedious", "awful", "bland"};
        String[] filler = {"the", "plot", "acting", "film", "story", "cast", "music", "ending", "was", "really"};
        StringBuilder out = new StringBuilder("text,label\n");
        for (int i = 0; i < rows; i++) {
            boolean good = i % 2 == 0;
            List<String> words = new ArrayList<>();
            for (int w = 0; w < 12; w++) {
                words.add(filler[random.nextInt(filler.length)]);
            }
            words.add((good ? pos : neg)[random.nextInt(6)]);
            out.append('"')
                    .append(String.join(" ", words))
                    .append("\",")
                    .append(good ? "pos" : "neg")
                    .append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
