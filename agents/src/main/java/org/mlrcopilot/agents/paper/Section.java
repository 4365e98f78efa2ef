package org.mlrcopilot.agents.paper;

import java.util.Objects;

/**
 * A section of a paper: its heading as printed (e.g. "3.1 Model"), its depth (1 = top level),
 * and its text with paragraphs separated by blank lines.
 */
public record Section(String heading, int level, String text) {

    public Section {
        heading = Objects.requireNonNullElse(heading, "").strip();
        text = Objects.requireNonNullElse(text, "").strip();
        if (level < 1) {
            throw new IllegalArgumentException("section level starts at 1: " + level);
        }
    }
}
