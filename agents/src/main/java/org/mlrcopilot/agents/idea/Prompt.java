package org.mlrcopilot.agents.idea;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.List;
import java.util.Map;

/** A step's system and user messages, rendered from {@code <step>.system.txt} and {@code <step>.user.txt}. */
record Prompt(String step, String system, String user) {

    Prompt {
        step = Texts.required(step, "step");
        system = Texts.required(system, "system");
        user = Texts.required(user, "user");
    }

    static Prompt of(String step, Map<String, String> systemValues, Map<String, String> userValues) {
        return new Prompt(
                step, Template.render(step + ".system", systemValues), Template.render(step + ".user", userValues));
    }

    List<ChatMessage> messages() {
        return List.of(SystemMessage.from(system), UserMessage.from(user));
    }
}
