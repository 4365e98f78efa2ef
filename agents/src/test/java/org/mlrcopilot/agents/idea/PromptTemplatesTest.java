package org.mlrcopilot.agents.idea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PromptTemplatesTest {

    @Test
    void valuesAreInsertedLiterallyWithoutRescanning() {
        String user = Template.render("elements.user", Map.of("title", "Costs in $1 {{paper}}", "paper", "body"));

        assertThat(user).contains("Title: Costs in $1 {{paper}}", "<paper>\nbody\n</paper>");
    }

    @Test
    void aMissingOrUnusedValueOrResourceFailsLoudly() {
        assertThatThrownBy(() -> Template.render("elements.user", Map.of("title", "T")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs a value for {{paper}}");
        Map<String, String> extra = new HashMap<>(Map.of("title", "T", "paper", "P", "typo", "x"));
        assertThatThrownBy(() -> Template.render("elements.user", extra))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no placeholder");
        assertThatThrownBy(() -> Template.render("nonexistent.user", Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("prompts/idea/nonexistent.user.txt");
    }

    @Test
    void eachSystemPromptStatesEveryFieldOfItsSchema() {
        Map<String, JsonSchema> schemas = Map.of(
                "elements",
                Schemas.ELEMENTS,
                "hypotheses",
                Schemas.HYPOTHESES,
                "review",
                Schemas.reviews(java.util.List.of("H1", "H2")),
                "revise",
                Schemas.REVISION);
        schemas.forEach((step, schema) -> {
            String system =
                    Template.render(step + ".system", step.equals("hypotheses") ? Map.of("count", "3") : Map.of());
            Set<String> fields = new TreeSet<>();
            collect(schema.rootElement(), fields);
            assertThat(fields)
                    .as(step)
                    .isNotEmpty()
                    .allSatisfy(f -> assertThat(system).contains("\"" + f + "\""));
        });
    }

    @Test
    void schemasRequireEveryPropertyAndAllowNoOthers() {
        JsonObjectSchema plan =
                (JsonObjectSchema) Schemas.HYPOTHESIS.properties().get("plan");

        assertThat(plan.required())
                .containsExactlyElementsOf(plan.properties().keySet())
                .contains("compute");
        assertThat(plan.additionalProperties()).isFalse();
    }

    private static void collect(JsonSchemaElement element, Set<String> fields) {
        if (element instanceof JsonObjectSchema object) {
            object.properties().forEach((name, child) -> {
                fields.add(name);
                collect(child, fields);
            });
        } else if (element instanceof JsonArraySchema array) {
            collect(array.items(), fields);
        }
    }
}
