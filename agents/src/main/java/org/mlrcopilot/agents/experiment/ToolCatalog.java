package org.mlrcopilot.agents.experiment;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** The agent's tools as langchain4j tool specifications; descriptions come from {@code tools.properties}. */
final class ToolCatalog {

    static final String LOG = "log";
    static final String FINAL_ANSWER = "final_answer";
    static final String EXECUTE = "execute_script";
    private static final Map<String, List<String>> ARGUMENTS = arguments();
    private static final List<ToolSpecification> SPECS = specifications(Prompts.properties("tools.properties"));

    private ToolCatalog() {}

    static List<ToolSpecification> specifications() {
        return SPECS;
    }

    static boolean known(String tool) {
        return ARGUMENTS.containsKey(tool);
    }

    /** "- name: description" lines for the system prompt. */
    static String overview() {
        StringBuilder out = new StringBuilder();
        SPECS.forEach(spec -> out.append("- ")
                .append(spec.name())
                .append(": ")
                .append(spec.description())
                .append('\n'));
        return out.toString().strip();
    }

    private static Map<String, List<String>> arguments() {
        Map<String, List<String>> tools = new LinkedHashMap<>();
        tools.put("list_files", List.of("dir_path"));
        tools.put("read_file", List.of("file_name"));
        tools.put("write_file", List.of("file_name", "content"));
        tools.put("append_file", List.of("file_name", "content"));
        tools.put("copy_file", List.of("source", "destination"));
        tools.put("undo_edit_script", List.of("script_name"));
        tools.put(EXECUTE, List.of("script_name"));
        tools.put("inspect_script_lines", List.of("script_name", "start_line:int", "end_line:int"));
        tools.put("understand_file", List.of("file_name", "things_to_look_for"));
        tools.put("edit_script", List.of("script_name", "edit_instruction", "save_name"));
        tools.put(
                "edit_script_segment",
                List.of("script_name", "start_line:int", "end_line:int", "edit_instruction", "save_name"));
        tools.put("reflection", List.of("things_to_reflect_on"));
        tools.put("retrieve_model", List.of("query"));
        tools.put("request_help", List.of("question"));
        tools.put(FINAL_ANSWER, List.of("answer"));
        return tools;
    }

    private static List<ToolSpecification> specifications(Properties text) {
        List<ToolSpecification> specs = new ArrayList<>();
        ARGUMENTS.forEach((tool, args) -> specs.add(ToolSpecification.builder()
                .name(tool)
                .description(describe(text, tool))
                .parameters(schema(text, tool, args))
                .build()));
        return List.copyOf(specs);
    }

    private static JsonObjectSchema schema(Properties text, String tool, List<String> args) {
        JsonObjectSchema.Builder schema = JsonObjectSchema.builder();
        List<String> required = new ArrayList<>();
        for (String arg : args) {
            String name = arg.replace(":int", "");
            String description = describe(text, tool + "." + name);
            if (arg.endsWith(":int")) {
                schema.addIntegerProperty(name, description);
            } else {
                schema.addStringProperty(name, description);
            }
            required.add(name);
        }
        schema.addStringProperty(LOG, describe(text, LOG));
        required.add(LOG);
        return schema.required(required).build();
    }

    private static String describe(Properties text, String key) {
        String description = text.getProperty(key);
        if (description == null || description.isBlank()) {
            throw new IllegalStateException("tools.properties has no description for " + key);
        }
        return description.strip();
    }
}
