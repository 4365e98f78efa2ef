package org.mlrcopilot.agents.idea;

import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON each step expects, strict: every property required, no others allowed. */
final class Schemas {

    static final JsonSchema ELEMENTS = schema(
            "research_elements",
            object(
                    "tasks", strings("research tasks the paper addresses"),
                    "gaps", strings("limitations and open problems the paper leaves"),
                    "keywords", strings("specific search phrases for finding related work"),
                    "methodSummary", text("2-4 sentences on the paper's method and main results")));

    static final JsonObjectSchema HYPOTHESIS = object(
            "title", text("short distinct title"),
            "method", text("what to do, concretely"),
            "rationale", text("the gap addressed and why it should work"),
            "expectedOutcome", text("the predicted, measurable result"),
            "risks", strings("what could make it fail"),
            "plan",
                    object(
                            "objective", text("what the experiment establishes"),
                            "datasets",
                                    array(
                                            object(
                                                    "name",
                                                    text("dataset name"),
                                                    "source",
                                                    text(
                                                            "where to get it: Hugging Face Hub id, torchvision, scikit-learn, URL"))),
                            "baselines", strings("methods to compare against"),
                            "models", strings("models or checkpoints used"),
                            "metrics", strings("evaluation metrics"),
                            "procedure", strings("ordered, concrete steps"),
                            "compute",
                                    object(
                                            "cpuHours",
                                            number("estimated CPU hours"),
                                            "gpuHours",
                                            number("estimated GPU hours")),
                            "successCriterion", text("measurable result that would support the hypothesis")));

    static final JsonSchema HYPOTHESES = schema("hypotheses", object("hypotheses", array(HYPOTHESIS)));

    /** Reviews of exactly these hypotheses: the ids as an enum, ranks 1..n. */
    static JsonSchema reviews(List<String> ids) {
        return schema(
                "reviews",
                object(
                        "reviews",
                        array(object(
                                "id",
                                JsonEnumSchema.builder()
                                        .description("the hypothesis id")
                                        .enumValues(ids)
                                        .build(),
                                "clarity",
                                score(),
                                "validity",
                                score(),
                                "rigor",
                                score(),
                                "innovativeness",
                                score(),
                                "generalizability",
                                score(),
                                "nearestPriorWork",
                                text("exact title of the most similar related paper, or none"),
                                "noveltyAssessment",
                                text("how the hypothesis differs from that work"),
                                "rank",
                                JsonIntegerSchema.builder()
                                        .description("1 (most promising) to " + ids.size() + ", each rank used once")
                                        .build()))));
    }

    static final JsonSchema REVISION = schema(
            "revision",
            object("changeSummary", text("what changed and how each comment was addressed"), "hypothesis", HYPOTHESIS));

    private Schemas() {}

    private static JsonSchema schema(String name, JsonObjectSchema root) {
        return JsonSchema.builder().name(name).rootElement(root).build();
    }

    private static JsonObjectSchema object(Object... namesAndElements) {
        Map<String, JsonSchemaElement> properties = new LinkedHashMap<>();
        for (int i = 0; i < namesAndElements.length; i += 2) {
            properties.put((String) namesAndElements[i], (JsonSchemaElement) namesAndElements[i + 1]);
        }
        return JsonObjectSchema.builder()
                .addProperties(properties)
                .required(List.copyOf(properties.keySet()))
                .additionalProperties(false)
                .build();
    }

    private static JsonObjectSchema score() {
        return object(
                "score",
                JsonIntegerSchema.builder()
                        .description("1 (poor) to 5 (excellent)")
                        .build(),
                "reason",
                text("one line"));
    }

    private static JsonStringSchema text(String description) {
        return JsonStringSchema.builder().description(description).build();
    }

    private static JsonArraySchema strings(String description) {
        return JsonArraySchema.builder()
                .description(description)
                .items(new JsonStringSchema())
                .build();
    }

    private static JsonArraySchema array(JsonSchemaElement items) {
        return JsonArraySchema.builder().items(items).build();
    }

    private static JsonNumberSchema number(String description) {
        return JsonNumberSchema.builder().description(description).build();
    }
}
