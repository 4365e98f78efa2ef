package org.mlrcopilot.agents.research;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Id checks and new ids. */
final class ResearchIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ResearchIds() {}

    static String require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is blank");
        }
        return value;
    }

    static String next(String prefix) {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return prefix + "-" + HexFormat.of().formatHex(bytes);
    }
}
