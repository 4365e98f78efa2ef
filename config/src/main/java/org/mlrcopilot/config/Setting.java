package org.mlrcopilot.config;

import java.util.Objects;

/**
 * The raw text given for a key and where it came from. {@code rejection} is set when the source already showed the
 * text cannot be used, e.g. a YAML list for a single-valued key.
 */
record Setting(String raw, String source, String rejection) {

    Setting {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(source, "source");
    }

    @Override
    public String toString() {
        return "Setting[from " + source + "]";
    }
}
