package org.mlrcopilot.agents.experiment.tree;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * A small picture of a solution tree: each node with how it was made and its score, the path from its draft to the
 * best node marked; as text for a chat message and as a PNG.
 */
public final class TreePicture {

    private static final int MAX_TEXT_NODES = 40;
    private static final int COLUMN = 118;
    private static final int ROW = 64;
    private static final int RADIUS = 13;

    private TreePicture() {}

    /** The tree as indented text: one line per node, the best one starred, the nodes on its path marked. */
    public static String text(List<Node> nodes, String best) {
        Set<String> path = pathTo(nodes, best);
        Map<String, List<Node>> children = children(nodes);
        List<String> lines = new ArrayList<>();
        for (Node root : children.getOrDefault(null, List.of())) {
            draw(root, "", "", children, path, best, lines);
        }
        if (lines.size() > MAX_TEXT_NODES) {
            int more = lines.size() - MAX_TEXT_NODES;
            lines = new ArrayList<>(lines.subList(0, MAX_TEXT_NODES));
            lines.add("… " + more + " more nodes on the run page");
        }
        return String.join("\n", lines);
    }

    private static void draw(
            Node node,
            String lead,
            String childLead,
            Map<String, List<Node>> children,
            Set<String> path,
            String best,
            List<String> out) {
        out.add(lead + label(node) + (node.id().equals(best) ? "  ★ best" : path.contains(node.id()) ? "  ◆" : ""));
        List<Node> kids = children.getOrDefault(node.id(), List.of());
        for (int i = 0; i < kids.size(); i++) {
            boolean last = i == kids.size() - 1;
            draw(
                    kids.get(i),
                    childLead + (last ? "└─ " : "├─ "),
                    childLead + (last ? "   " : "│  "),
                    children,
                    path,
                    best,
                    out);
        }
    }

    private static String label(Node n) {
        String outcome =
                n.isDone() ? String.format(Locale.ROOT, "%.4f", n.score()) : n.isFailed() ? "failed" : "running";
        return n.id() + " " + n.operator().label() + " " + outcome;
    }

    /**
     * Writes the tree as a PNG to {@code file}: drafts in the top row, each node below the one it was made from,
     * done nodes green, failed ones red, running ones grey, the path to the best node drawn thick.
     */
    public static Path png(List<Node> nodes, String best, String metric, Path file) {
        Map<String, List<Node>> children = children(nodes);
        Map<String, int[]> at = new HashMap<>();
        int[] column = {0};
        for (Node root : children.getOrDefault(null, List.of())) {
            place(root, 0, children, at, column);
        }
        int depth = at.values().stream().mapToInt(p -> p[1]).max().orElse(0) + 1;
        int width = Math.max(1, column[0]) * COLUMN + 40;
        int height = depth * ROW + 70;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.setColor(new Color(0x33, 0x33, 0x33));
            g.drawString(
                    "Solution tree: " + nodes.size() + " nodes, " + metric + " per node"
                            + (best == null ? "" : ", best " + best),
                    12,
                    20);
            Set<String> path = pathTo(nodes, best);
            for (Node n : nodes) {
                if (n.parent() != null && at.containsKey(n.parent()) && at.containsKey(n.id())) {
                    boolean onPath = path.contains(n.id()) && path.contains(n.parent());
                    g.setStroke(new BasicStroke(onPath ? 4f : 1.5f));
                    g.setColor(onPath ? new Color(0xf9, 0xa8, 0x25) : new Color(0xaa, 0xaa, 0xaa));
                    int[] a = center(at.get(n.parent()));
                    int[] b = center(at.get(n.id()));
                    g.drawLine(a[0], a[1], b[0], b[1]);
                }
            }
            for (Node n : nodes) {
                int[] c = center(at.get(n.id()));
                g.setStroke(new BasicStroke(n.id().equals(best) ? 4f : 1.5f));
                g.setColor(
                        n.isDone()
                                ? new Color(0x2e, 0x7d, 0x32)
                                : n.isFailed() ? new Color(0xc6, 0x28, 0x28) : new Color(0x9e, 0x9e, 0x9e));
                g.fillOval(c[0] - RADIUS, c[1] - RADIUS, 2 * RADIUS, 2 * RADIUS);
                if (n.id().equals(best)) {
                    g.setColor(new Color(0xf9, 0xa8, 0x25));
                    g.drawOval(c[0] - RADIUS - 3, c[1] - RADIUS - 3, 2 * RADIUS + 6, 2 * RADIUS + 6);
                }
                g.setColor(Color.WHITE);
                g.drawString(n.id(), c[0] - g.getFontMetrics().stringWidth(n.id()) / 2, c[1] + 4);
                g.setColor(new Color(0x33, 0x33, 0x33));
                String under = n.operator().label() + " "
                        + (n.isDone() ? String.format(Locale.ROOT, "%.4f", n.score()) : n.isFailed() ? "failed" : "…");
                g.drawString(under, c[0] - g.getFontMetrics().stringWidth(under) / 2, c[1] + RADIUS + 15);
            }
        } finally {
            g.dispose();
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            ImageIO.write(image, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the tree picture " + file, e);
        }
    }

    /** Leaves take the next column; a parent sits above the middle of its children. */
    private static int place(
            Node node, int depth, Map<String, List<Node>> children, Map<String, int[]> at, int[] column) {
        List<Node> kids = children.getOrDefault(node.id(), List.of());
        int x;
        if (kids.isEmpty()) {
            x = column[0]++ * 2;
        } else {
            int first = Integer.MAX_VALUE;
            int last = Integer.MIN_VALUE;
            for (Node kid : kids) {
                int kx = place(kid, depth + 1, children, at, column);
                first = Math.min(first, kx);
                last = Math.max(last, kx);
            }
            x = (first + last) / 2;
        }
        at.put(node.id(), new int[] {x, depth});
        return x;
    }

    private static int[] center(int[] cell) {
        return new int[] {20 + cell[0] * COLUMN / 2 + COLUMN / 2, 50 + cell[1] * ROW + RADIUS};
    }

    private static Map<String, List<Node>> children(List<Node> nodes) {
        Set<String> ids = new HashSet<>();
        nodes.forEach(n -> ids.add(n.id()));
        Map<String, List<Node>> out = new HashMap<>();
        for (Node n : nodes) {
            String parent = n.parent() != null && ids.contains(n.parent()) ? n.parent() : null;
            out.computeIfAbsent(parent, k -> new ArrayList<>()).add(n);
        }
        return out;
    }

    /** The ids from the best node up to its draft. */
    static Set<String> pathTo(List<Node> nodes, String best) {
        Map<String, Node> byId = new HashMap<>();
        nodes.forEach(n -> byId.put(n.id(), n));
        Set<String> path = new HashSet<>();
        Node at = best == null ? null : byId.get(best);
        while (at != null && path.add(at.id())) {
            at = at.parent() == null ? null : byId.get(at.parent());
        }
        return path;
    }
}
