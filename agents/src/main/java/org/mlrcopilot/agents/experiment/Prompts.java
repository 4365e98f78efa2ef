package org.mlrcopilot.agents.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Prompts from {@code prompts/experiment/}, with their {{placeholders}} filled; every value must be used. */
final class Prompts {

    private static final String DIR = "/prompts/experiment/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_]*)\\s*}}");
    private static final Map<String, String> LOADED = new ConcurrentHashMap<>();

    private Prompts() {
    }

    static String render(String name, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(LOADED.computeIfAbsent(name + ".txt", Prompts::load));
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

    static Properties properties(String name) {
        Properties properties = new Properties();
        try (InputStream in = open(name)) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt resource " + name, e);
        }
    }

    private static String load(String name) {
        try (InputStream in = open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt resource " + name, e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = Prompts.class.getResourceAsStream(DIR + name);
        if (in == null) {
            throw new IllegalStateException("missing prompt resource " + DIR + name);
        }
        return in;
    }
}
