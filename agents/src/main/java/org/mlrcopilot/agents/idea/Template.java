package org.mlrcopilot.agents.idea;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A prompt from {@code prompts/idea/<name>.txt} with its {{placeholders}} filled; every value must be used. */
final class Template {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_]*)\\s*}}");
    private static final Map<String, String> LOADED = new ConcurrentHashMap<>();

    private Template() {
    }

    static String render(String name, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(LOADED.computeIfAbsent(name, Template::load));
        StringBuilder out = new StringBuilder();
        Set<String> used = new HashSet<>();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("prompt " + name + " needs a value for {{" + matcher.group(1) + "}}");
            }
            used.add(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        if (!used.containsAll(values.keySet())) {
            throw new IllegalStateException("prompt " + name + " has no placeholder for some of " + values.keySet());
        }
        return out.toString().strip();
    }

    private static String load(String name) {
        String path = "/prompts/idea/" + name + ".txt";
        try (InputStream in = Template.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing prompt resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt resource " + path, e);
        }
    }
}
