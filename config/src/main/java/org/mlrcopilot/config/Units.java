package org.mlrcopilot.config;

import java.time.Duration;

/** The configuration's value syntax, for command-line options that take the same forms. */
public final class Units {

    private Units() {}

    /** "90s", "10m", "1h", "500ms" or a bare number of seconds. */
    public static Duration duration(String text) {
        try {
            return Parsers.duration(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + text + "\" " + e.getMessage(), e);
        }
    }

    /** "512m", "2g", "64k", "1MiB" or a bare number of bytes. */
    public static long size(String text) {
        try {
            return Parsers.size(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + text + "\" " + e.getMessage(), e);
        }
    }
}
