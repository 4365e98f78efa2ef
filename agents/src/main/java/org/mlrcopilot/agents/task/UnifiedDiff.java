package org.mlrcopilot.agents.task;

import java.util.ArrayList;
import java.util.List;

/** A line-based unified diff (3 lines of context) of two texts. */
final class UnifiedDiff {

    static final int CONTEXT = 3;
    private static final long MAX_CELLS = 25_000_000L;

    private record Op(char kind, String line, int oldLine, int newLine) {}

    private UnifiedDiff() {}

    /** The diff with ---/+++ headers, or "" if the texts have the same lines. */
    static String diff(String oldName, String newName, List<String> a, List<String> b) {
        List<Op> ops = ops(a, b);
        List<Integer> changes = changes(ops);
        if (changes.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("--- " + oldName + "\n+++ " + newName + "\n");
        int start = changes.get(0);
        int end = start;
        for (int change : changes) {
            if (change - end > 2 * CONTEXT) {
                hunk(out, ops, start, end);
                start = change;
            }
            end = change;
        }
        hunk(out, ops, start, end);
        return out.toString();
    }

    private static List<Integer> changes(List<Op> ops) {
        List<Integer> changes = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            if (ops.get(i).kind != ' ') {
                changes.add(i);
            }
        }
        return changes;
    }

    private static void hunk(StringBuilder out, List<Op> ops, int firstChange, int lastChange) {
        int from = Math.max(0, firstChange - CONTEXT);
        int to = Math.min(ops.size(), lastChange + CONTEXT + 1);
        List<Op> lines = ops.subList(from, to);
        long oldCount = lines.stream().filter(o -> o.kind != '+').count();
        long newCount = lines.stream().filter(o -> o.kind != '-').count();
        int oldStart = lines.get(0).oldLine + (oldCount == 0 ? 0 : 1);
        int newStart = lines.get(0).newLine + (newCount == 0 ? 0 : 1);
        out.append("@@ -")
                .append(oldStart)
                .append(',')
                .append(oldCount)
                .append(" +")
                .append(newStart)
                .append(',')
                .append(newCount)
                .append(" @@\n");
        lines.forEach(o -> out.append(o.kind).append(o.line).append('\n'));
    }

    private static List<Op> ops(List<String> a, List<String> b) {
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        List<Op> ops = new ArrayList<>();
        for (int i = 0; i < prefix; i++) {
            ops.add(new Op(' ', a.get(i), i, i));
        }
        List<String> restA = a.subList(prefix, a.size());
        List<String> restB = b.subList(prefix, b.size());
        if ((long) restA.size() * restB.size() > MAX_CELLS) {
            replaceAll(ops, restA, restB, prefix);
        } else {
            lcs(ops, restA, restB, prefix);
        }
        return ops;
    }

    private static void lcs(List<Op> ops, List<String> a, List<String> b, int offset) {
        int[][] len = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                len[i][j] = a.get(i).equals(b.get(j)) ? len[i + 1][j + 1] + 1 : Math.max(len[i + 1][j], len[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                ops.add(new Op(' ', a.get(i), offset + i++, offset + j++));
            } else if (i < a.size() && (j == b.size() || len[i + 1][j] >= len[i][j + 1])) {
                ops.add(new Op('-', a.get(i), offset + i++, offset + j));
            } else {
                ops.add(new Op('+', b.get(j), offset + i, offset + j++));
            }
        }
    }

    private static void replaceAll(List<Op> ops, List<String> a, List<String> b, int offset) {
        for (int i = 0; i < a.size(); i++) {
            ops.add(new Op('-', a.get(i), offset + i, offset));
        }
        for (int j = 0; j < b.size(); j++) {
            ops.add(new Op('+', b.get(j), offset + a.size(), offset + j));
        }
    }
}
