package org.mlrcopilot.agents.experiment.tree;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The team's replies during a search, read as steering: "stop debugging node 7" or "don't expand n3" closes those
 * nodes (neither improved nor fixed any more); anything else is a direction that the next new node follows.
 */
final class Steering {

    private static final Pattern CLOSE = Pattern.compile(
            "(?i)\\b(?:stop|don'?t|do\\s+not|no\\s+more|quit|skip|drop|abandon|prune|close|leave)\\b[^\\n]*?\\bn(?:ode)?"
                    + "\\s*#?\\s*(\\d{1,5})\\b");
    private static final Pattern NODE = Pattern.compile("(?i)\\bn(?:ode)?\\s*#?\\s*(\\d{1,5})\\b");

    /** What some replies asked for: nodes to close, and directions in the order given. */
    record Request(Set<String> closed, List<String> directions) {}

    private Steering() {}

    /** Reads {@code replies} (each "author: text" or text). */
    static Request read(List<String> replies) {
        Set<String> closed = new LinkedHashSet<>();
        List<String> directions = new ArrayList<>();
        for (String reply : replies) {
            String text = reply == null ? "" : reply.strip();
            if (text.isEmpty()) {
                continue;
            }
            Matcher close = CLOSE.matcher(text);
            if (close.find()) {
                Matcher node = NODE.matcher(text.substring(close.start()));
                while (node.find()) {
                    closed.add("n" + Integer.parseInt(node.group(1)));
                }
            } else {
                directions.add(text);
            }
        }
        return new Request(closed, directions);
    }
}
