package org.mlrcopilot.agents.prompt;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prompts kept as class-path resources (e.g. {@code /prompts/idea/elements.user.txt}) with
 * {{placeholders}} filled. Fails loudly on a missing resource, a missing value or an unused one.
 */
public final class PromptTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_]*)\\s*}}");
    private static final Map<String, String> LOADED = new ConcurrentHashMap<>();

    private PromptTemplates() {}

    /** The resource at {@code path} with every placeholder replaced by its value, stripped. */
    public static String render(String path, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(LOADED.computeIfAbsent(path, PromptTemplates::load));
        StringBuilder out = new StringBuilder();
        Set<String> used = new HashSet<>();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("prompt " + path + " needs a value for {{" + matcher.group(1) + "}}");
            }
            used.add(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        if (!used.containsAll(values.keySet())) {
            throw new IllegalStateException("prompt " + path + " has no placeholder for some of " + values.keySet());
        }
        return out.toString().strip();
    }

    public static Properties properties(String path) {
        Properties properties = new Properties();
        try (InputStream in = open(path)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt resource " + path, e);
        }
    }

    private static String load(String path) {
        try (InputStream in = open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt resource " + path, e);
        }
    }

    private static InputStream open(String path) {
        InputStream in = PromptTemplates.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("missing prompt resource " + path);
        }
        return in;
    }
}
