package org.mlrcopilot.bot.chat.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlrcopilot.agents.research.Research;
import org.mlrcopilot.agents.research.ResearchRun;
import org.mlrcopilot.agents.research.ResearchStore;
import org.mlrcopilot.agents.usage.UsageTotals;

/** The overview of researches and the run page's data, read from the research store. */
final class Dashboard {

    private static final int LOG_LINES = 200;
    private final ResearchStore store;

    Dashboard(ResearchStore store) {
        this.store = store;
    }

    List<Map<String, Object>> researches() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Research r : store.recent(100)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", r.id());
            row.put("title", r.title());
            row.put("link", r.link());
            row.put("status", r.status());
            row.put("detail", r.detail());
            row.put("requester", r.requester());
            row.put("platform", r.platform());
            row.put("createdAt", r.createdAt().toString());
            row.put("thread", store.messageFor(r.id(), "root").map(l -> l.channel() + "/" + l.thread()).orElse(""));
            row.put("runs", store.runs(r.id()).stream().map(Dashboard::runRow).toList());
            row.put("usage", usage(store.usage().forResearch(r.id())));
            out.add(row);
        }
        return out;
    }

    Map<String, Object> run(String id) {
        ResearchRun run = store.run(id).orElse(null);
        if (run == null) {
            return Map.of("error", "no run " + id);
        }
        Map<String, Object> out = new LinkedHashMap<>(runRow(run));
        out.put("steps", store.steps(id));
        out.put("usage", usage(store.usage().forResearch(run.researchId())));
        out.put("log", tail(Path.of(run.runDir()).resolve("trace.jsonl")));
        if (run.result() != null) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("metric", run.result().metric());
            result.put("baseline", Double.isNaN(run.result().baseline()) ? null : run.result().baseline());
            result.put("final", run.result().finalScore());
            result.put("improvementPct", run.result().improvementPct());
            result.put("success", run.result().success());
            result.put("finalAnswer", run.result().finalAnswer());
            result.put("flaggedClaims", run.result().flaggedClaims());
            result.put("stopReason", run.result().stopReason());
            result.put("diff", run.result().diff());
            out.put("result", result);
        }
        return out;
    }

    private static Map<String, Object> runRow(ResearchRun run) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", run.id());
        row.put("researchId", run.researchId());
        row.put("hypothesisId", run.hypothesisId());
        row.put("task", run.task());
        row.put("approver", run.approver());
        row.put("status", run.status());
        row.put("step", run.step());
        row.put("maxSteps", run.maxSteps());
        return row;
    }

    private static Map<String, Object> usage(UsageTotals u) {
        return Map.of("calls", u.calls(), "tokens", u.tokens(), "costUsd", u.costUsd());
    }

    private static List<String> tail(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return List.of();
            }
            List<String> lines = Files.readAllLines(file);
            return lines.subList(Math.max(0, lines.size() - LOG_LINES), lines.size());
        } catch (IOException e) {
            return List.of("(cannot read " + file.getFileName() + ": " + e.getMessage() + ")");
        }
    }
}
