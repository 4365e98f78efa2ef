package org.mlrcopilot.agents.idea;

import java.util.Map;
import org.mlrcopilot.agents.prompt.PromptTemplates;

/** A prompt from {@code prompts/idea/<name>.txt} with its {{placeholders}} filled; every value must be used. */
final class Template {

    private Template() {}

    static String render(String name, Map<String, String> values) {
        return PromptTemplates.render("/prompts/idea/" + name + ".txt", values);
    }
}
