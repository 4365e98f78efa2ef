package org.mlrcopilot.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the text of a setting into a value, and durations and sizes back into text. */
final class Parsers {

    private static final Pattern DURATION =
            Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern SIZE =
            Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:([kmgt])(?:i?b)?|b)?", Pattern.CASE_INSENSITIVE);
    private static final Map<String, Long> MILLIS =
            Map.of("ms", 1L, "s", 1_000L, "m", 60_000L, "h", 3_600_000L, "d", 86_400_000L);
    private static final String SIZE_UNITS = "bkmgt";
    private static final String NOT_A_DURATION = "is not a duration like 90s, 10m, 1h or 500ms";
    private static final String NOT_A_SIZE = "is not a size like 512m or 2g";

    private Parsers() {}

    static Duration duration(String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(NOT_A_DURATION);
        }
        String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT);
        return Duration.ofMillis(scale(m.group(1), MILLIS.get(unit)));
    }

    static long size(String text) {
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(NOT_A_SIZE);
        }
        int power = m.group(2) == null ? 0 : SIZE_UNITS.indexOf(m.group(2).toLowerCase(Locale.ROOT));
        return scale(m.group(1), 1L << (10 * power));
    }

    static boolean bool(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException("is not a boolean (true/false, yes/no, 1/0)");
        };
    }

    static long wholeNumber(String text) {
        try {
            return Long.parseLong(text.strip().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("is not a whole number");
        }
    }

    static int integer(String text) {
        long value = wholeNumber(text);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("is too large");
        }
        return (int) value;
    }

    static double decimal(String text) {
        try {
            return new BigDecimal(text.strip().replace("_", "")).doubleValue();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("is not a number");
        }
    }

    static Path path(String text) {
        String path = text.strip();
        String home = System.getProperty("user.home");
        if (path.equals("~")) {
            return Path.of(home);
        }
        try {
            return path.startsWith("~/") ? Path.of(home, path.substring(2)) : Path.of(path);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("is not a valid path");
        }
    }

    static List<String> list(String text) {
        return Arrays.stream(text.split(","))
                .map(String::strip)
                .filter(item -> !item.isEmpty())
                .toList();
    }

    static String formatDuration(Duration duration) {
        long millis = duration.toMillis();
        if (millis == 0) {
            return "0s";
        }
        for (String unit : List.of("d", "h", "m", "s")) {
            if (millis % MILLIS.get(unit) == 0) {
                return millis / MILLIS.get(unit) + unit;
            }
        }
        return millis + "ms";
    }

    static String formatSize(long bytes) {
        for (int power = SIZE_UNITS.length() - 1; power > 0; power--) {
            long unit = 1L << (10 * power);
            if (bytes != 0 && bytes % unit == 0) {
                return bytes / unit + SIZE_UNITS.substring(power, power + 1);
            }
        }
        return Long.toString(bytes);
    }

    private static long scale(String number, long unit) {
        try {
            return new BigDecimal(number)
                    .multiply(BigDecimal.valueOf(unit))
                    .setScale(0, RoundingMode.HALF_UP)
                    .longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("is too large");
        }
    }
}
