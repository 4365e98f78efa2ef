package org.mlrcopilot.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code mlr.example.yaml} and {@code docs/configuration.md}, both written from the key table, so neither can drift
 * from the code (a test compares them). {@code main} writes them: run it from the repository root with
 * {@code mvn -q -pl config compile exec:java -Dexec.mainClass=org.mlrcopilot.config.ConfigReference}.
 */
public final class ConfigReference {

    /** What each section is about, for the headings of the reference. */
    private static final Map<String, String> SECTIONS = new LinkedHashMap<>();

    static {
        SECTIONS.put("sandbox", "Where experiment code runs and its limits (see docs/sandbox.md).");
        SECTIONS.put("sandbox.slurm", "The Slurm backend (sandbox.backend: slurm); see docs/sandbox.md.");
        SECTIONS.put("llm", "The language model: provider, models, keys, retries.");
        SECTIONS.put("fetch", "Every outbound fetch made on a user's behalf (papers, datasets, code, search).");
        SECTIONS.put("budget", "What the team and each person may spend.");
        SECTIONS.put("web", "The web chat and its HTTP API (see docs/web-chat.md).");
        SECTIONS.put(
                "web.oidc",
                "Single sign-on through an OpenID Connect provider, beside local accounts (see "
                        + "docs/web-chat.md).");
        SECTIONS.put("service", "How the service behaves: approvers, hypotheses, tasks, workers, status edits.");
        SECTIONS.put("store", "Where the service keeps its state (see docs/operations.md).");
        SECTIONS.put("slack", "The Slack app (see docs/slack.md).");
        SECTIONS.put("discord", "The Discord bot (see docs/discord.md).");
        SECTIONS.put("research", "Keys for the research services: Hugging Face and Semantic Scholar.");
        SECTIONS.put(
                "experiment",
                "Experiments: approval, steps and time, set-up, datasets, code and models (see "
                        + "docs/experiments.md).");
        SECTIONS.put(
                "papers", "Where papers and related work are found, and how much related work (see docs/papers.md).");
    }

    private static final String HEADER = """
            # MLR-Copilot bot configuration: every setting, its default and its environment variable.
            # Written from the code (docs/configuration.md is the same reference as a page).
            #
            # Copy this file to mlr.yaml and keep only what you change. Settings are read from, later winning:
            #   1. built-in defaults (the values below)
            #   2. mlr.yaml
            #   3. .env (NAME=value lines, using the environment variable names below)
            #   4. environment variables
            # Each key sandbox.someKey is also MLR_SANDBOX_SOME_KEY in .env and in the environment. Secrets are
            # also read from their conventional names (ANTHROPIC_API_KEY, SLACK_BOT_TOKEN, ...); the MLR_ name
            # wins when both are set. Keep secrets in .env or the environment rather than in this file.
            #
            # Durations: 500ms, 90s, 10m, 1h, or a bare number of seconds.
            # Sizes: 64k, 512m, 2g, 1MiB, or a bare number of bytes (k, m, g mean 1024, 1024^2, 1024^3).
            # Booleans: true/false, yes/no, 1/0. Lists: YAML lists, or comma-separated text (always in .env
            # and the environment). A leading ~ in a path is the home directory.
            """;

    private ConfigReference() {}

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        Files.writeString(root.resolve("mlr.example.yaml"), exampleYaml());
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/configuration.md"), markdown());
    }

    /** The sections in table order, each with its keys: direct keys first, then each subsection's. */
    static Map<String, List<Key>> sections() {
        Map<String, List<Key>> out = new LinkedHashMap<>();
        for (Key key : Key.values()) {
            out.computeIfAbsent(section(key.id()), s -> new ArrayList<>()).add(key);
        }
        Map<String, List<Key>> ordered = new LinkedHashMap<>();
        for (String name : out.keySet()) {
            String top = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
            if (!ordered.containsKey(top) && out.containsKey(top)) {
                ordered.put(top, out.get(top));
            }
            out.keySet().stream().filter(s -> s.startsWith(top + ".")).forEach(s -> ordered.put(s, out.get(s)));
        }
        return ordered;
    }

    private static String section(String id) {
        return id.substring(0, id.lastIndexOf('.'));
    }

    public static String exampleYaml() {
        StringBuilder out = new StringBuilder(HEADER);
        for (Map.Entry<String, List<Key>> section : sections().entrySet()) {
            String name = section.getKey();
            int depth = name.split("\\.").length - 1;
            String indent = "  ".repeat(depth);
            out.append('\n');
            if (depth > 0) {
                out.append(indent)
                        .append("# ")
                        .append(SECTIONS.getOrDefault(name, ""))
                        .append('\n');
            }
            out.append(indent).append(name.substring(name.lastIndexOf('.') + 1)).append(":\n");
            String inner = indent + "  ";
            boolean first = true;
            for (Key key : section.getValue()) {
                if (!first) {
                    out.append('\n');
                }
                first = false;
                out.append(inner)
                        .append("# ")
                        .append(sentence(key.description()))
                        .append('\n');
                out.append(inner)
                        .append("# Default: ")
                        .append(defaultText(key))
                        .append(". Env: ")
                        .append(key.envName())
                        .append(aliasText(key))
                        .append('\n');
                out.append(inner)
                        .append(key.id().substring(key.id().lastIndexOf('.') + 1))
                        .append(": ")
                        .append(yamlValue(key))
                        .append('\n');
            }
        }
        return out.toString();
    }

    public static String markdown() {
        StringBuilder out = new StringBuilder("""
                # Configuration reference

                Every setting of the service, written from the code (as is `mlr.example.yaml`, the same reference
                as a file to copy). Settings come from, later winning: the defaults below, `mlr.yaml`, `.env`
                (`NAME=value` lines with the environment names below), the environment. `./mlr config` shows every
                value in force and where it came from (secrets hidden).

                Durations: `500ms`, `90s`, `10m`, `1h`. Sizes: `64k`, `512m`, `2g`. Booleans: `true`/`false`.
                Lists: YAML lists, or comma-separated text in `.env` and the environment.
                """);
        for (Map.Entry<String, List<Key>> section : sections().entrySet()) {
            out.append("\n## `").append(section.getKey()).append("`\n\n");
            String about = SECTIONS.getOrDefault(section.getKey(), "");
            if (!about.isEmpty()) {
                out.append(about).append("\n\n");
            }
            out.append("| key | default | environment | what it does |\n|---|---|---|---|\n");
            for (Key key : section.getValue()) {
                out.append("| `")
                        .append(key.id())
                        .append("` | ")
                        .append(cell(defaultText(key)))
                        .append(" | `")
                        .append(key.envName())
                        .append('`');
                key.aliases().forEach(a -> out.append(", `").append(a).append('`'));
                out.append(" | ").append(cell(sentence(key.description()))).append(" |\n");
            }
        }
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String sentence(String text) {
        return text.endsWith(".") ? text : text + ".";
    }

    private static String defaultText(Key key) {
        if (key.secret()) {
            return "unset";
        }
        return key.defaultValue().isEmpty() ? "empty" : key.defaultValue();
    }

    private static String aliasText(Key key) {
        return key.aliases().isEmpty() ? "" : " (also " + String.join(", ", key.aliases()) + ")";
    }

    private static String yamlValue(Key key) {
        String value = key.secret() ? "" : key.defaultValue();
        if (key.list()) {
            List<String> items = value.isBlank()
                    ? List.of()
                    : Arrays.stream(value.split(",")).map(String::strip).toList();
            return "[" + String.join(", ", items) + "]";
        }
        if (value.isEmpty()) {
            return "\"\"";
        }
        return value.matches("[A-Za-z0-9_./:@+-][A-Za-z0-9_./:@+ -]*") && !value.endsWith(" ")
                ? value
                : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
