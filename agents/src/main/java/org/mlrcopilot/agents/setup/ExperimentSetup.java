package org.mlrcopilot.agents.setup;

import dev.langchain4j.model.chat.ChatModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mlrcopilot.agents.idea.ComputeEstimate;
import org.mlrcopilot.agents.idea.DatasetRef;
import org.mlrcopilot.agents.prompt.PromptTemplates;
import org.mlrcopilot.agents.prototype.RegisteredTask;
import org.mlrcopilot.agents.prototype.TaskMatch;
import org.mlrcopilot.agents.task.Evaluator;
import org.mlrcopilot.agents.task.FileTrees;
import org.mlrcopilot.agents.task.TaskSpec;
import org.mlrcopilot.sandbox.Limits;
import org.mlrcopilot.sandbox.Sandbox;

/**
 * The experiment set-up stage, between a plan's approval and the experiment loop. A registered task is used only
 * when its similarity to the plan reaches {@link SetupSettings#taskMatch()}; otherwise the plan's datasets and the
 * paper's code are fetched on the host through the set-up's downloads (the sandbox keeps network off), the set-up agent
 * writes the data loading, held-out split, evaluation and baseline, and the evaluation with the held-out labels is
 * frozen out of the experiment's reach. Thread-safe: each call works in its own run directory.
 */
public final class ExperimentSetup implements AutoCloseable {

    static final String SETUP_DIR = "setup";

    private final ChatModel model;
    private final SetupDownloads downloads;
    private final TaskRanker ranker;
    private final SetupSettings settings;
    private final SetupAgent agent;
    private final Sandbox sandbox;
    private final Limits limits;

    public ExperimentSetup(
            ChatModel model,
            Sandbox sandbox,
            Limits limits,
            SetupDownloads downloads,
            TaskRanker ranker,
            SetupSettings settings) {
        this.model = Objects.requireNonNull(model, "model");
        this.sandbox = Objects.requireNonNull(sandbox, "sandbox");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.ranker = Objects.requireNonNull(ranker, "ranker");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.downloads = Objects.requireNonNull(downloads, "downloads");
        this.agent = new SetupAgent(model, new TaskFreezer(new Evaluator(sandbox, limits)), settings.maxSteps());
    }

    /** Releases the downloads' connections. */
    @Override
    public void close() {
        downloads.close();
    }

    /** Sets the experiment up; throws SetupException with what the team can do when nothing can be assembled. */
    public SetupReport prepare(SetupRequest request, SetupListener listener) {
        long start = System.nanoTime();
        Optional<SetupReport> registered = registered(request);
        if (registered.isPresent()) {
            return registered.get();
        }
        double best = bestMatch(request).map(TaskMatch::score).orElse(Double.NaN);
        String why = request.registered().isEmpty()
                ? "no task is registered"
                : String.format(
                        Locale.ROOT,
                        "no registered task fits the plan (best similarity %.2f, needed %.2f: "
                                + "experiment.taskMatch)",
                        best,
                        settings.taskMatch());
        Path setup = request.runDir().resolve(SETUP_DIR);
        FileTrees.deleteTree(setup);
        FileTrees.deleteTree(request.runDir().resolve(TaskFreezer.TASK_DIR));
        listener.phase("Fetching the plan's datasets and code");
        long fetchStart = System.nanoTime();
        Fetched fetched = fetch(request, setup);
        Duration fetchTime = Duration.ofNanos(System.nanoTime() - fetchStart);
        if (fetched.datasets.isEmpty()) {
            throw new SetupException("no dataset of the plan could be fetched, so no experiment was built:\n- "
                    + String.join(
                            "\n- ",
                            fetched.issues.stream().map(DatasetIssue::describe).toList()));
        }
        listener.phase("Writing the data split, the evaluation and the baseline");
        String system = PromptTemplates.render(
                "/prompts/setup/system.txt",
                Map.of("maxSteps", String.valueOf(settings.maxSteps()), "packages", Packages.INSTALLED));
        String user = PromptTemplates.render(
                "/prompts/setup/user.txt",
                Map.of(
                        "plan",
                        request.planText(),
                        "metric",
                        request.metric(),
                        "datasets",
                        describe(fetched),
                        "code",
                        fetched.code == null
                                ? "not found"
                                : fetched.code.repository() + " under prototype/ (read-only)",
                        "models",
                        fetched.models.isEmpty()
                                ? "none fetched"
                                : String.join(
                                        ", ",
                                        fetched.models.stream()
                                                .map(m -> m.id() + " under models/" + downloads.directoryName(m.id())
                                                        + "/ (read-only)")
                                                .toList()),
                        "files",
                        new SetupTools(setup, sandbox, limits).list("."),
                        "feedback",
                        request.feedback().isEmpty()
                                ? ""
                                : "\nFeedback from the team (it takes priority):\n" + request.feedback() + "\n"));
        String problem = "Test this hypothesis: " + request.hypothesis().title() + "\n\n"
                + request.hypothesis().method() + "\n\nSuccess criterion: "
                + request.hypothesis().plan().successCriterion();
        SetupAgent.Finished done =
                agent.run(new SetupTools(setup, sandbox, limits), request.runDir(), system, user, problem, listener);
        List<String> notes = new ArrayList<>(fetched.notes);
        fetched.datasets.stream().filter(d -> !d.note().isBlank()).forEach(d -> notes.add(d.name() + ": " + d.note()));
        if (!done.directionNote().isEmpty()) {
            notes.add(done.directionNote());
        }
        return new SetupReport(
                done.frozen().task(),
                false,
                best,
                why,
                fetched.datasets,
                fetched.issues,
                fetched.code,
                fetched.models,
                done.metric(),
                done.direction(),
                done.frozen().baseline().value(),
                done.summary(),
                notes,
                fetchTime,
                Duration.ofNanos(System.nanoTime() - start),
                fetched.bytes);
    }

    private Optional<SetupReport> registered(SetupRequest request) {
        Optional<TaskMatch> best = bestMatch(request);
        if (best.isEmpty() || best.get().score() < settings.taskMatch()) {
            return Optional.empty();
        }
        TaskSpec task = request.registered().stream()
                .filter(t -> t.name().equals(best.get().name()))
                .findFirst()
                .orElseThrow();
        String why = String.format(
                Locale.ROOT,
                "the registered task %s fits the plan (similarity %.2f, at least " + "%.2f: experiment.taskMatch)",
                task.name(),
                best.get().score(),
                settings.taskMatch());
        return Optional.of(new SetupReport(
                task,
                true,
                best.get().score(),
                why,
                List.of(),
                List.of(),
                null,
                List.of(),
                task.metric(),
                task.direction(),
                Double.NaN,
                task.researchProblem(),
                List.of(),
                Duration.ZERO,
                Duration.ZERO,
                0));
    }

    private Optional<TaskMatch> bestMatch(SetupRequest request) {
        if (request.registered().isEmpty()) {
            return Optional.empty();
        }
        List<RegisteredTask> known = request.registered().stream()
                .map(t -> new RegisteredTask(t.name(), t.researchProblem()))
                .toList();
        return ranker.rank(request.planText(), known).stream().findFirst();
    }

    private static final class Fetched {
        final List<DatasetRecord> datasets = new ArrayList<>();
        final List<DatasetIssue> issues = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        final List<ModelRecord> models = new ArrayList<>();
        CodeRecord code;
        long bytes;
    }

    private Fetched fetch(SetupRequest request, Path setup) {
        Fetched out = new Fetched();
        long left = settings.maxDatasetBytes();
        for (DatasetRef ref : datasets(request)) {
            DatasetResolution r = downloads.dataset(ref, request.attachments(), setup.resolve("raw"), left);
            if (r.record() != null) {
                out.datasets.add(r.record());
                out.bytes += r.record().bytes();
                left -= r.record().bytes();
            } else {
                out.issues.add(r.issue());
            }
        }
        out.issues.forEach(i -> out.notes.add("not fetched: " + i.describe()));
        mkdirs(setup.resolve("raw"));
        downloads.codeRepository(request.codeLinks()).ifPresent(repo -> {
            try {
                out.code = downloads.code(repo[0], repo[1], repo[2], setup.resolve("prototype"));
                out.bytes += out.code.bytes();
            } catch (SetupException e) {
                FileTrees.deleteTree(setup.resolve("prototype"));
                out.notes.add("the paper's code was not fetched: " + e.getMessage());
            }
        });
        long modelBudget = settings.maxModelBytes();
        for (String id : downloads.modelIds(request.hypothesis().plan().models())) {
            Optional<ModelRecord> model = downloads.model(id, setup.resolve("models"), modelBudget, out.notes::add);
            model.ifPresent(out.models::add);
            modelBudget -= model.map(ModelRecord::bytes).orElse(0L);
            out.bytes += model.map(ModelRecord::bytes).orElse(0L);
        }
        out.notes.addAll(Packages.missing(request.planText()));
        ComputeEstimate compute = request.hypothesis().plan().compute();
        if (compute.gpuHours() > 0) {
            out.notes.add(String.format(
                    Locale.ROOT,
                    "the plan estimates %.0f GPU-hours; the sandbox runs on CPUs, so "
                            + "data files are sampled to at most %,d rows (experiment.maxRows)",
                    compute.gpuHours(),
                    settings.maxRows()));
        }
        return out;
    }

    /** The plan's datasets, then any the team named in feedback (a Hub id or a URL). */
    private List<DatasetRef> datasets(SetupRequest request) {
        List<DatasetRef> refs = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "(?i)\\b(?:use|dataset)\\s+(https?://\\S+|[A-Za-z0-9][\\w.-]*/[\\w.-]+)")
                .matcher(request.feedback());
        while (m.find()) {
            String source = m.group(1).replaceAll("[.,;]+$", "");
            refs.add(new DatasetRef(source, source));
        }
        if (refs.isEmpty()) {
            refs.addAll(request.hypothesis().plan().datasets());
        }
        request.attachments().keySet().stream()
                .filter(downloads::isData)
                .filter(name -> refs.stream()
                        .noneMatch(r -> r.name().equals(name)
                                || r.source()
                                        .replaceFirst("^(?i)(attachment|file):", "")
                                        .strip()
                                        .equals(name)))
                .forEach(name -> refs.add(new DatasetRef(name, "attachment:" + name)));
        return refs;
    }

    private static String describe(Fetched f) {
        StringBuilder out = new StringBuilder();
        for (DatasetRecord d : f.datasets) {
            out.append("- ")
                    .append(d.name())
                    .append(": ")
                    .append(d.id())
                    .append(" (")
                    .append(d.source())
                    .append(", license ")
                    .append(d.license())
                    .append(")");
            if (d.files().isEmpty()) {
                out.append(", load it in split.py with sklearn.datasets.")
                        .append(d.id().replace("sklearn:", ""))
                        .append("()");
            } else {
                d.files().forEach(file -> out.append("\n  raw/").append(file));
            }
            if (!d.note().isBlank()) {
                out.append("\n  note: ").append(d.note());
            }
            out.append('\n');
        }
        f.issues.forEach(
                i -> out.append("- not available: ").append(i.describe()).append('\n'));
        return out.toString().strip();
    }

    private static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create " + dir, e);
        }
    }
}
