package org.mlrcopilot.agents.experiment;

import java.util.Map;
import java.util.Properties;
import org.mlrcopilot.agents.prompt.PromptTemplates;

/** Prompts from {@code prompts/experiment/}, with their {{placeholders}} filled; every value must be used. */
final class Prompts {

    private static final String DIR = "/prompts/experiment/";

    private Prompts() {}

    static String render(String name, Map<String, String> values) {
        return PromptTemplates.render(DIR + name + ".txt", values);
    }

    static Properties properties(String name) {
        return PromptTemplates.properties(DIR + name);
    }
}
