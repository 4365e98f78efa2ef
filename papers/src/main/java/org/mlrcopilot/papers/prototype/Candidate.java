package org.mlrcopilot.papers.prototype;

import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/** A Hub item with the text it is compared to the plan by. */
record Candidate(HubItem item, String text) {

    private static final int MAX_TAGS = 15;
    private static final int MAX_DESCRIPTION = 400;

    Candidate {
        Objects.requireNonNull(item, "item");
        text = Objects.requireNonNullElse(text, "");
    }

    /** Name words, task, plain tags (no "license:…"-style tags) and the start of the description. */
    static String describe(HubItem item, String description) {
        String name = item.id().replaceAll("[/_\\-.]+", " ");
        String tags = item.tags().stream()
                .filter(t -> !t.contains(":"))
                .limit(MAX_TAGS)
                .map(t -> t.replace('-', ' '))
                .collect(Collectors.joining(", "));
        String about =
                description.length() <= MAX_DESCRIPTION ? description : description.substring(0, MAX_DESCRIPTION);
        StringBuilder text = new StringBuilder(name);
        if (!item.pipelineTag().isEmpty()) {
            text.append(". ").append(item.pipelineTag().replace('-', ' '));
        }
        if (!tags.isEmpty()) {
            text.append(". ").append(tags);
        }
        if (!about.isBlank()) {
            text.append(". ").append(about);
        }
        return text.toString();
    }

    String key() {
        return item.kind() + ":" + item.id().toLowerCase(Locale.ROOT);
    }
}
