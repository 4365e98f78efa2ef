package org.mlrcopilot.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** How the text of a setting becomes a value, which values are allowed, and how a value is shown. */
final class ValueType {

    private final Function<String, Object> parser;
    private final Predicate<Object> allowed;
    private final String rule;
    private final Function<Object, String> formatter;
    private final boolean secret;
    private final boolean list;

    private ValueType(
            Function<String, Object> parser,
            Predicate<Object> allowed,
            String rule,
            Function<Object, String> formatter,
            boolean secret,
            boolean list) {
        this.parser = parser;
        this.allowed = allowed;
        this.rule = rule;
        this.formatter = formatter;
        this.secret = secret;
        this.list = list;
    }

    static ValueType text() {
        return matching(".*", "");
    }

    static ValueType matching(String regex, String rule) {
        Pattern pattern = Pattern.compile(regex);
        return of(String.class, s -> s, s -> pattern.matcher(s).matches(), rule, s -> s);
    }

    static ValueType oneOf(String... options) {
        List<String> choices = List.of(options);
        String shown = choices.stream().map(c -> c.isEmpty() ? "\"\"" : c).collect(Collectors.joining(", "));
        return of(String.class, s -> s.toLowerCase(Locale.ROOT), choices::contains, "must be one of " + shown, s -> s);
    }

    static ValueType url(boolean optional) {
        String rule = optional ? "must be empty or an http(s) URL" : "must be an http(s) URL";
        return of(String.class, s -> s, s -> (optional && s.isEmpty()) || isHttpUrl(s), rule, s -> s);
    }

    static ValueType duration() {
        return of(
                Duration.class,
                Parsers::duration,
                d -> !d.isNegative() && !d.isZero(),
                "must be longer than 0",
                Parsers::formatDuration);
    }

    static ValueType size() {
        return of(Long.class, Parsers::size, n -> n > 0, "must be greater than 0", Parsers::formatSize);
    }

    static ValueType bool() {
        return of(Boolean.class, Parsers::bool, b -> true, "", String::valueOf);
    }

    static ValueType integer(int min, int max) {
        String rule = max == Integer.MAX_VALUE ? "must be at least " + min : "must be between " + min + " and " + max;
        return of(Integer.class, Parsers::integer, n -> n >= min && n <= max, rule, String::valueOf);
    }

    static ValueType count(long min) {
        return of(Long.class, Parsers::wholeNumber, n -> n >= min, "must be at least " + min, String::valueOf);
    }

    static ValueType positiveDecimal() {
        return of(
                Double.class,
                Parsers::decimal,
                d -> d > 0 && d < Double.POSITIVE_INFINITY,
                "must be greater than 0",
                String::valueOf);
    }

    static ValueType decimal(int min, int max) {
        return of(
                Double.class,
                Parsers::decimal,
                d -> d >= min && d <= max,
                "must be between " + min + " and " + max,
                String::valueOf);
    }

    static ValueType path() {
        return of(Path.class, Parsers::path, p -> !p.toString().isEmpty(), "must not be empty", Path::toString);
    }

    static ValueType list() {
        return new ValueType(
                Parsers::list,
                v -> ((List<?>) v).stream().allMatch(ValueType::isEntry),
                "must not contain empty entries",
                ValueType::joined,
                false,
                true);
    }

    /** A list whose every entry matches {@code regex}. */
    static ValueType listOf(String regex, String rule) {
        return new ValueType(
                Parsers::list,
                v -> ((List<?>) v)
                        .stream()
                                .allMatch(item ->
                                        isEntry(item) && ((String) item).strip().matches(regex)),
                rule,
                ValueType::joined,
                false,
                true);
    }

    static ValueType secret() {
        return new ValueType(s -> Secret.of(s.strip()), v -> true, "", String::valueOf, true, false);
    }

    /** Parses and checks raw text; an {@link IllegalArgumentException} carries the rule it broke. */
    Object parse(String raw) {
        Object value = parser.apply(raw);
        problem(value).ifPresent(rule -> {
            throw new IllegalArgumentException(rule);
        });
        return value;
    }

    Optional<String> problem(Object value) {
        return allowed.test(value) ? Optional.empty() : Optional.of(rule);
    }

    String format(Object value) {
        return formatter.apply(value);
    }

    boolean isSecret() {
        return secret;
    }

    boolean isList() {
        return list;
    }

    private static <T> ValueType of(
            Class<T> type,
            Function<String, T> parser,
            Predicate<T> allowed,
            String rule,
            Function<T, String> formatter) {
        return new ValueType(
                raw -> parser.apply(raw.strip()),
                v -> allowed.test(type.cast(v)),
                rule,
                v -> formatter.apply(type.cast(v)),
                false,
                false);
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean isEntry(Object item) {
        return item instanceof String text && !text.isBlank();
    }

    private static String joined(Object items) {
        return ((List<?>) items).stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
