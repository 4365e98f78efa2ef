package org.mlrcopilot.agents.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Finds the result numbers of a final answer (decimals and percentages) that no execution printed. */
final class Claims {

    private static final Pattern CLAIM =
            Pattern.compile("(?<![\\w.])(\\d+\\.\\d+\\s*%|\\d+\\s*%|\\d+\\.\\d+)(?![\\w.]*\\d)");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?");

    private Claims() {}

    /** "claimed X but no execution printed it" for each unsupported number in {@code answer}. */
    static List<String> flagged(String answer, List<Double> printed) {
        Set<String> flagged = new LinkedHashSet<>();
        Matcher matcher = CLAIM.matcher(answer);
        while (matcher.find()) {
            String claim = matcher.group(1).replaceAll("\\s+", "");
            if (!supported(claim, printed)) {
                flagged.add("claimed " + claim + " but no execution printed it");
            }
        }
        return List.copyOf(flagged);
    }

    static boolean supported(String claim, List<Double> printed) {
        String digits = claim.replace("%", "");
        double value = Double.parseDouble(digits);
        int point = digits.indexOf('.');
        int decimals = point < 0 ? 0 : digits.length() - point - 1;
        double tolerance = 0.5 * Math.pow(10, -decimals) + 1e-9;
        for (double x : printed) {
            if (Math.abs(x - value) <= tolerance || Math.abs(100 * x - value) <= tolerance) {
                return true;
            }
        }
        return false;
    }

    /** Every number in the saved execution outputs of a run. */
    static List<Double> printedIn(Path outputs) {
        List<Double> numbers = new ArrayList<>();
        if (!Files.isDirectory(outputs)) {
            return numbers;
        }
        try (Stream<Path> files = Files.list(outputs)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                numbersIn(Files.readString(file), numbers);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the execution outputs in " + outputs, e);
        }
        return numbers;
    }

    private static void numbersIn(String text, List<Double> into) {
        Matcher matcher = NUMBER.matcher(text);
        while (matcher.find()) {
            try {
                into.add(Double.parseDouble(matcher.group()));
            } catch (NumberFormatException e) {
                continue;
            }
        }
    }
}
