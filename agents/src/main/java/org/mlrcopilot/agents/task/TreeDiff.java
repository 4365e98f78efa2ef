package org.mlrcopilot.agents.task;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Unified diff of two file trees: changed, new and removed text files; binary files by size and hash. */
final class TreeDiff {

    private TreeDiff() {}

    static String diff(Map<String, FileState> before, Map<String, FileState> after) {
        StringBuilder out = new StringBuilder();
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            out.append(file(name, before.get(name), after.get(name)));
        }
        return out.toString();
    }

    private static String file(String name, FileState old, FileState now) {
        if (old != null && now != null && old.sameAs(now)) {
            return "";
        }
        boolean text = (old == null || old.isText()) && (now == null || now.isText());
        if (!text) {
            return binary(name, old, now);
        }
        return UnifiedDiff.diff(
                old == null ? "/dev/null" : "a/" + name,
                now == null ? "/dev/null" : "b/" + name,
                lines(old),
                lines(now));
    }

    private static String binary(String name, FileState old, FileState now) {
        if (old == null) {
            return "Binary file b/" + name + " added (" + now.size() + " bytes)\n";
        }
        if (now == null) {
            return "Binary file a/" + name + " removed (" + old.size() + " bytes)\n";
        }
        return "Binary files a/" + name + " and b/" + name + " differ (" + old.size() + " -> " + now.size()
                + " bytes)\n";
    }

    private static List<String> lines(FileState state) {
        return state == null ? List.of() : state.text().lines().toList();
    }
}
