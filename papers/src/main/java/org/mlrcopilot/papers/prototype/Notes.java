package org.mlrcopilot.papers.prototype;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Short, user-fit notes on look-ups that gave nothing. */
final class Notes {

    static final String HUB = "Hugging Face Hub";

    private Notes() {}

    /** What was looked up and why it gave nothing. */
    record Failure(String what, String why) {}

    /** One note per reason: "Hugging Face Hub model search for "a", dataset search for "b": HTTP 500". */
    static List<String> group(List<Failure> failures) {
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        failures.forEach(
                f -> byReason.computeIfAbsent(f.why(), r -> new ArrayList<>()).add(f.what()));
        List<String> notes = new ArrayList<>();
        byReason.forEach((reason, what) -> notes.add(HUB + " " + String.join(", ", what) + ": " + reason));
        return notes;
    }
}
