package org.mlrcopilot.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/**
 * What README.md and docs/ tell people to type still works: every {@code ./mlr ...} command shown parses with the
 * CLI itself (its subcommands and options exist), the launcher's own commands exist in the {@code mlr} script, and
 * every configuration key and environment variable named in backticks exists in the configuration (whose reference,
 * mlr.example.yaml, is itself checked against the key table).
 */
class DocumentedCommandsTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern COMMAND = Pattern.compile("\\./mlr((?: [^`|&;#\\n]*)?)");
    private static final Pattern KEY = Pattern.compile("`((?:sandbox|llm|fetch|budget|web|service|store|slack|discord"
            + "|research|experiment|papers)\\.[A-Za-z.]+)(?:[=: ][^`]*)?`");
    private static final Pattern ENV = Pattern.compile("\\b(MLR_[A-Z][A-Z0-9_]+)\\b");
    /** Variables of the launcher and the test run, not settings. */
    private static final Set<String> NOT_SETTINGS =
            Set.of("MLR_JAVA_OPTS", "MLR_TEST_POSTGRES_URL", "MLR_TEST_POSTGRES_USER", "MLR_TEST_POSTGRES_PASSWORD");

    static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    /** Every ./mlr command of the documents, as the words a shell would pass, by where it was found. */
    static Map<String, List<String>> commands() throws IOException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Path doc : documents()) {
            List<String> lines = Files.readAllLines(doc);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = COMMAND.matcher(lines.get(i));
                while (m.find()) {
                    String text = m.group(1).split(", ")[0].strip();
                    out.put(ROOT.relativize(doc) + ":" + (i + 1) + ": ./mlr " + text, words(text));
                }
            }
        }
        return out;
    }

    @Test
    void everyDocumentedCommandParses() throws IOException {
        Map<String, List<String>> commands = commands();
        assertThat(commands).as("commands found in the documents").hasSizeGreaterThan(20);
        String script = Files.readString(ROOT.resolve("mlr"));
        List<String> broken = new ArrayList<>();
        commands.forEach((where, words) -> {
            if (!words.isEmpty() && Set.of("test", "screenshot").contains(words.get(0))) {
                if (!script.contains("\n  " + words.get(0) + ")")) {
                    broken.add(where + " (not a command of the mlr script)");
                }
                return;
            }
            try {
                MlrCommand.commandLine().parseArgs(words.toArray(String[]::new));
            } catch (CommandLine.MissingParameterException e) {
                // the subcommand and options exist; the text leaves the arguments to the reader
            } catch (CommandLine.ParameterException e) {
                broken.add(where + " (" + e.getMessage() + ")");
            }
        });
        assertThat(broken).as("documented commands the CLI refuses").isEmpty();
    }

    @Test
    void aBrokenCommandIsCaught() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> MlrCommand.commandLine().parseArgs("sandbox", "run", "--no-such-option", "/tmp", "true"))
                .isInstanceOf(CommandLine.ParameterException.class);
    }

    @Test
    void everyDocumentedSettingExists() throws IOException {
        Set<String> keys = new TreeSet<>();
        collect("", new Yaml().load(Files.readString(ROOT.resolve("mlr.example.yaml"))), keys);
        String example = Files.readString(ROOT.resolve("mlr.example.yaml"));
        List<String> unknown = new ArrayList<>();
        for (Path doc : documents()) {
            String text = Files.readString(doc);
            Matcher k = KEY.matcher(text);
            while (k.find()) {
                String key = k.group(1).replaceAll("\\.+$", "");
                if (!keys.contains(key) && keys.stream().noneMatch(known -> known.startsWith(key + "."))) {
                    unknown.add(ROOT.relativize(doc) + ": " + key);
                }
            }
            Matcher e = ENV.matcher(text);
            while (e.find()) {
                if (!NOT_SETTINGS.contains(e.group(1)) && !example.contains(e.group(1))) {
                    unknown.add(ROOT.relativize(doc) + ": " + e.group(1));
                }
            }
        }
        assertThat(keys).as("keys of mlr.example.yaml").contains("web.oidc.issuer", "sandbox.slurm.sharedDir");
        assertThat(unknown)
                .as("settings named in the documents that do not exist")
                .isEmpty();
    }

    private static void collect(String prefix, Object node, Set<String> keys) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((name, value) -> collect(prefix + name + ".", value, keys));
        } else {
            keys.add(prefix.substring(0, prefix.length() - 1));
        }
    }

    /** Splits like a shell: spaces separate words, double or single quotes keep them together. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean any = false;
        for (char c : text.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                any = true;
            } else if (Character.isWhitespace(c)) {
                if (any || word.length() > 0) {
                    out.add(word.toString());
                    word.setLength(0);
                    any = false;
                }
            } else {
                word.append(c);
            }
        }
        if (any || word.length() > 0) {
            out.add(word.toString());
        }
        return out;
    }
}
