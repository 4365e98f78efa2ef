package org.mlrcopilot.bot.http;

import static org.mlrcopilot.bot.http.WebServer.json;

import io.javalin.config.RoutesConfig;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlrcopilot.agents.experiment.ExperimentResult;
import org.mlrcopilot.agents.research.Research;
import org.mlrcopilot.agents.research.ResearchRun;
import org.mlrcopilot.agents.research.ResearchStore;
import org.mlrcopilot.agents.research.RunStore;
import org.mlrcopilot.agents.setup.SetupText;
import org.mlrcopilot.agents.usage.UsageStore;
import org.mlrcopilot.agents.usage.UsageTotals;
import org.mlrcopilot.bot.conversation.ConversationStores;
import org.mlrcopilot.bot.conversation.MessageRole;
import org.mlrcopilot.bot.conversation.ThreadLinks;

/**
 * The overview of researches ({@code GET /api/researches}) and the run page's data ({@code GET /api/runs/{id}}),
 * read from the research store: the web chat's dashboard, served next to it.
 */
public final class Dashboard implements Routes {

    private static final int RESEARCHES = 100;
    private static final int LOG_LINES = 200;
    private static final int LINE_CHARS = 4_000;
    private static final long TAIL_BYTES = 512 * 1024;
    private final ResearchStore store;
    private final RunStore runs;
    private final ThreadLinks links;
    private final UsageStore usage;
    private final java.util.function.BinaryOperator<String> names;

    /** @param names how people are named on the pages: (platform, user id) to the name they go by there */
    public Dashboard(ConversationStores stores, java.util.function.BinaryOperator<String> names) {
        this.store = stores.researches();
        this.runs = stores.runs();
        this.links = stores.links();
        this.usage = stores.usage();
        this.names = names;
    }

    @Override
    public void register(RoutesConfig r) {
        r.get("/api/researches", ctx -> json(ctx, researches()));
        r.get("/api/runs/{id}", ctx -> json(ctx, run(ctx.pathParam("id"))));
        r.get("/api/runs/{id}/plots/<name>", ctx -> {
            Path plot = plot(ctx.pathParam("id"), ctx.pathParam("name"));
            ctx.contentType(IMAGES.get(extension(plot.getFileName().toString())));
            ctx.header("Content-Disposition", "inline");
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.result(Files.newInputStream(plot)); // streamed, and closed by the server once written
        });
    }

    /** The image types a run page shows; an SVG is sent as an image, which cannot run script in an img element. */
    private static final Map<String, String> IMAGES =
            Map.of("png", "image/png", "jpg", "image/jpeg", "jpeg", "image/jpeg", "svg", "image/svg+xml");

    private static final long MAX_PLOT_BYTES = 20L * 1024 * 1024;

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }

    /** The run's plots: its image artifacts, as the result lists them (names relative to the workspace). */
    private static List<String> plots(ExperimentResult r) {
        return r.artifacts().stream()
                .filter(a -> IMAGES.containsKey(extension(a)))
                .toList();
    }

    /**
     * One plot of a finished run: only a name its result lists, a regular file inside the workspace (no link
     * followed), not too large; anything else is "not found".
     */
    Path plot(String runId, String name) {
        ResearchRun run = runs.run(runId).orElseThrow(() -> new NotFoundResponse("no run " + runId));
        if (run.result() == null || !plots(run.result()).contains(name)) {
            throw new NotFoundResponse("no plot " + name + " in " + runId);
        }
        Path workspace =
                Path.of(run.runDir()).resolve("workspace").toAbsolutePath().normalize();
        Path file = workspace.resolve(name).normalize();
        try {
            if (!file.startsWith(workspace)
                    || !Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    || !file.toRealPath().startsWith(workspace.toRealPath())
                    || Files.size(file) > MAX_PLOT_BYTES) {
                throw new NotFoundResponse("no plot " + name + " in " + runId);
            }
        } catch (IOException e) {
            throw new NotFoundResponse("no plot " + name + " in " + runId);
        }
        return file;
    }

    List<Map<String, Object>> researches() {
        return store.recent(RESEARCHES).stream().map(this::research).toList();
    }

    private Map<String, Object> research(Research r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", r.id());
        row.put("title", r.title());
        row.put("link", r.link());
        row.put("status", r.status());
        row.put("detail", r.detail());
        row.put("requester", names.apply(r.platform(), r.requester()));
        row.put("requesterId", r.requester());
        row.put("platform", r.platform());
        row.put("createdAt", r.createdAt().toString());
        row.put(
                "thread",
                links.messageFor(r.id(), MessageRole.ROOT)
                        .map(l -> l.channel() + "/" + l.thread())
                        .orElse(""));
        row.put(
                "runs",
                runs.runs(r.id()).stream().map(run -> runRow(run, r.platform())).toList());
        row.put("usage", usage(usage.forResearch(r.id())));
        return row;
    }

    Map<String, Object> run(String id) {
        ResearchRun run = runs.run(id).orElseThrow(() -> new NotFoundResponse("no run " + id));
        Map<String, Object> out = runRow(
                run, store.research(run.researchId()).map(Research::platform).orElse(""));
        out.put("steps", runs.steps(id));
        links.messageFor(run.researchId(), MessageRole.ROOT)
                .filter(root -> root.platform().equals("web"))
                .ifPresent(root -> out.put("thread", "/#/" + root.channel() + "/" + root.thread()));
        out.put("usage", usage(usage.forResearch(run.researchId())));
        out.put("log", tail(Path.of(run.runDir()).resolve("trace.jsonl")));
        out.put("setup", text(Path.of(run.runDir()).resolve(SetupText.FILE)));
        Path eval = Path.of(run.runDir()).resolve("task/scripts/eval.py");
        out.put("evalScript", text(eval));
        if (run.result() != null) {
            out.put("result", result(run.result()));
        }
        return out;
    }

    private Map<String, Object> runRow(ResearchRun run, String platform) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", run.id());
        row.put("researchId", run.researchId());
        row.put("hypothesisId", run.hypothesisId());
        row.put("task", run.task());
        row.put("requester", names.apply(platform, run.requester()));
        row.put("requesterId", run.requester());
        row.put("approver", run.approver());
        row.put("status", run.status());
        row.put("step", run.step());
        row.put("maxSteps", run.maxSteps());
        row.put("createdAt", run.createdAt().toString());
        row.put("updatedAt", run.updatedAt().toString());
        return row;
    }

    private static Map<String, Object> result(ExperimentResult r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("metric", r.metric());
        out.put("baseline", Double.isNaN(r.baseline()) ? null : r.baseline());
        out.put("final", r.finalScore());
        out.put("improvementPct", r.improvementPct());
        out.put("success", r.success());
        out.put("finalAnswer", r.finalAnswer());
        out.put("flaggedClaims", r.flaggedClaims());
        out.put("artifacts", r.artifacts());
        out.put("plots", plots(r));
        out.put("steps", r.steps());
        out.put("stopReason", r.stopReason().text());
        out.put("diff", r.diff());
        return out;
    }

    private static Map<String, Object> usage(UsageTotals u) {
        return Map.of(
                "calls",
                u.calls(),
                "inputTokens",
                u.inputTokens(),
                "outputTokens",
                u.outputTokens(),
                "tokens",
                u.tokens(),
                "costUsd",
                u.costUsd());
    }

    /** A small text file's content, "" when it is missing. */
    private static String text(Path file) {
        try {
            return Files.isRegularFile(file) && Files.size(file) < TAIL_BYTES ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /** The last lines of {@code file}, read from its last 512 KiB; long lines are cut. */
    private static List<String> tail(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try (SeekableByteChannel in = Files.newByteChannel(file)) {
            long start = Math.max(0, in.size() - TAIL_BYTES);
            ByteBuffer buffer = ByteBuffer.allocate((int) (in.size() - start));
            in.position(start);
            while (buffer.hasRemaining() && in.read(buffer) > 0) {
                // read on
            }
            List<String> lines = new ArrayList<>(
                    List.of(new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).split("\n")));
            if (start > 0 && !lines.isEmpty()) {
                lines.remove(0); // cut in the middle
            }
            return lines.subList(Math.max(0, lines.size() - LOG_LINES), lines.size()).stream()
                    .map(l -> l.length() > LINE_CHARS ? l.substring(0, LINE_CHARS) + " …" : l)
                    .toList();
        } catch (IOException e) {
            return List.of("(cannot read " + file.getFileName() + ": " + e.getMessage() + ")");
        }
    }
}
