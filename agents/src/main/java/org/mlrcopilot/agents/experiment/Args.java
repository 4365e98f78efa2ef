package org.mlrcopilot.agents.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Typed access to a tool call's arguments; a missing or malformed one is an {@link ActionException}. */
final class Args {

    private final ObjectNode node;

    Args(ObjectNode node) {
        this.node = node;
    }

    String text(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new ActionException("missing argument " + name);
        }
        return value.isTextual() ? value.asText() : value.toString();
    }

    int integer(String name) {
        JsonNode value = node.get(name);
        if (value != null && value.canConvertToInt()) {
            return value.asInt();
        }
        if (value != null && value.isTextual() && value.asText().strip().matches("-?\\d{1,9}")) {
            return Integer.parseInt(value.asText().strip());
        }
        throw new ActionException("argument " + name + " must be an integer");
    }
}
