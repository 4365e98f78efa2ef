package org.mlrcopilot.agents.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mlrcopilot.agents.idea.ComputeEstimate;
import org.mlrcopilot.agents.idea.DatasetRef;
import org.mlrcopilot.agents.idea.ExperimentPlan;
import org.mlrcopilot.agents.idea.Hypothesis;

/**
 * Reads a plan file: one hypothesis as {@code mlr ideas --json} prints it, its {@code plan} object alone, or the
 * whole {@code ideas --json} output (then the hypothesis named, or the first).
 */
public final class PlanFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PlanFile() {}

    /** The hypothesis in {@code file}; {@code id} picks one from a list ("" for the first). */
    public static Hypothesis read(Path file, String id) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new SetupException("cannot read the plan file " + file + ": " + e.getMessage(), e);
        }
        try {
            return parse(root, id == null ? "" : id.strip());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new SetupException(
                    "the plan file " + file + " is not a hypothesis or plan as `mlr ideas --json` " + "prints it: "
                            + e.getMessage(),
                    e);
        }
    }

    static Hypothesis parse(JsonNode root, String id) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        if (root.has("hypotheses")) {
            for (JsonNode h : root.get("hypotheses")) {
                if (id.isEmpty() || id.equalsIgnoreCase(h.path("id").asText())) {
                    return parse(h, "");
                }
            }
            throw new IllegalArgumentException(
                    id.isEmpty() ? "the list of hypotheses is empty" : "no hypothesis " + id);
        }
        if (root.has("objective")) {
            ExperimentPlan plan = plan(root);
            return new Hypothesis(
                    "H1",
                    1,
                    plan.objective(),
                    plan.objective(),
                    "from a plan file",
                    "see the plan",
                    List.of(),
                    plan,
                    null,
                    "",
                    List.of());
        }
        if (!root.has("plan")) {
            throw new IllegalArgumentException("no plan (expected \"plan\", \"objective\" or \"hypotheses\")");
        }
        String hid = root.path("id").asText("H1");
        return new Hypothesis(
                hid.matches("H[1-9][0-9]*") ? hid : "H1",
                Math.max(1, root.path("version").asInt(1)),
                root.path("title").asText(),
                root.path("method").asText(),
                root.path("rationale").asText("-"),
                root.path("expectedOutcome").asText("-"),
                texts(root.path("risks")),
                plan(root.get("plan")),
                null,
                "",
                List.of());
    }

    private static ExperimentPlan plan(JsonNode p) {
        List<DatasetRef> datasets = new ArrayList<>();
        for (JsonNode d : p.path("datasets")) {
            datasets.add(
                    d.isTextual()
                            ? new DatasetRef(d.asText(), d.asText())
                            : new DatasetRef(
                                    d.path("name").asText(d.path("source").asText()),
                                    d.path("source").asText(d.path("name").asText())));
        }
        JsonNode compute = p.path("compute");
        return new ExperimentPlan(
                p.path("objective").asText(),
                datasets,
                texts(p.path("baselines")),
                texts(p.path("models")),
                texts(p.path("metrics")),
                texts(p.path("procedure")),
                new ComputeEstimate(
                        compute.path("cpuHours").asDouble(0),
                        compute.path("gpuHours").asDouble(0)),
                p.path("successCriterion").asText());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
