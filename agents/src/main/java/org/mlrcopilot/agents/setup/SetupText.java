package org.mlrcopilot.agents.setup;

import java.util.Locale;

/** A set-up as text for the team: task and why, datasets, code, metric, evaluation, baseline, notes. */
public final class SetupText {

    /** What the team replies to let a waiting set-up go ahead. */
    public static final String GO_HINT = "Reply *go* to start the experiment, or reply with what to change (e.g. "
            + "\"use dataset owner/name\", \"report F1 instead\").";

    /** The set-up's text in a run directory. */
    public static final String FILE = "setup.md";

    private SetupText() {}

    public static String of(SetupReport r, boolean awaitingApproval) {
        StringBuilder out = new StringBuilder("*Experiment set-up*: ")
                .append(r.registered() ? "registered task " + r.task().name() : "a task built from the plan")
                .append('\n');
        out.append("Why: ").append(r.why()).append('\n');
        if (!r.datasets().isEmpty()) {
            out.append("Datasets:\n");
            r.datasets().forEach(d -> out.append("• ").append(dataset(d)).append('\n'));
        }
        r.issues()
                .forEach(i -> out.append("• not fetched: ").append(i.describe()).append('\n'));
        if (r.code() != null) {
            out.append(String.format(
                    Locale.ROOT,
                    "Code: %s (%d files, %s) under prototype/, read-only%n",
                    r.code().repository(),
                    r.code().files(),
                    size(r.code().bytes())));
        }
        r.models()
                .forEach(m -> out.append(String.format(
                        Locale.ROOT,
                        "Model: %s%s (%d files, %s, license %s) under " + "models/, read-only%n",
                        m.id(),
                        m.revision().isEmpty()
                                ? ""
                                : "@"
                                        + m.revision()
                                                .substring(
                                                        0,
                                                        Math.min(7, m.revision().length())),
                        m.files().size(),
                        size(m.bytes()),
                        m.license())));
        out.append("Metric: ")
                .append(r.metric())
                .append(" (")
                .append(r.direction().name().toLowerCase(Locale.ROOT))
                .append(" is better), scored by the frozen scripts/eval.py")
                .append(r.registered() ? "" : " on held-out data the experiment cannot see")
                .append('\n');
        out.append("Baseline: ")
                .append(
                        Double.isNaN(r.baseline())
                                ? "measured when the run starts"
                                : String.format(Locale.ROOT, "%.4f", r.baseline()))
                .append('\n');
        if (!r.registered() && !r.summary().isBlank()) {
            out.append("Set-up: ").append(r.summary().strip()).append('\n');
        }
        r.notes().stream()
                .filter(n -> !n.startsWith("not fetched:"))
                .forEach(n -> out.append("Note: ").append(n).append('\n'));
        if (awaitingApproval) {
            out.append(GO_HINT).append('\n');
        }
        return out.toString().strip();
    }

    /** Saves the set-up's text as {@value #FILE} in the run directory, for the run page. */
    public static void save(java.nio.file.Path runDir, SetupReport report) {
        try {
            java.nio.file.Files.createDirectories(runDir);
            java.nio.file.Files.writeString(runDir.resolve(FILE), of(report, false) + "\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot save the set-up in " + runDir, e);
        }
    }

    static String dataset(DatasetRecord d) {
        String revision = d.revision().isEmpty()
                ? ""
                : "@" + d.revision().substring(0, Math.min(7, d.revision().length()));
        return d.name() + ": " + d.id() + revision + " (" + d.source() + "), "
                + (d.files().isEmpty() ? "bundled" : d.files().size() + " file(s), " + size(d.bytes())) + ", license "
                + d.license()
                + (d.link().isEmpty() ? "" : " " + d.link());
    }

    static String size(long bytes) {
        return bytes < 1_000
                ? bytes + " B"
                : bytes < 1_000_000
                        ? String.format(Locale.ROOT, "%.1f kB", bytes / 1e3)
                        : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
