package org.mlrcopilot.agents.literature;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Normal forms of paper identifiers and titles, for matching one paper across sources. */
public final class Ids {

    private static final Pattern ARXIV =
            Pattern.compile("(?i)^(?:arxiv:|https?://(?:www\\.|export\\.)?arxiv\\.org/(?:abs|pdf)/)?\\s*"
                    + "(\\d{4}\\.\\d{4,5}|[a-z][a-z-]*(?:\\.[A-Z]{2})?/\\d{7})(?:v\\d+)?(?:\\.pdf)?$");
    private static final Pattern DOI_PREFIX = Pattern.compile("(?i)^(?:doi:|https?://(?:dx\\.)?doi\\.org/)\\s*");
    private static final Pattern ARXIV_DOI = Pattern.compile("^10\\.48550/arxiv\\.(.+)$");

    private Ids() {}

    /** The arXiv id without version, from an id, "arXiv:" form or abs/pdf URL; "" if it is none of these. */
    public static String arxiv(String raw) {
        Matcher m = ARXIV.matcher(Objects.requireNonNullElse(raw, "").strip());
        return m.matches() ? m.group(1) : "";
    }

    /** The DOI in lower case without resolver prefix; "" for blank input. */
    public static String doi(String raw) {
        String doi =
                DOI_PREFIX.matcher(Objects.requireNonNullElse(raw, "").strip()).replaceFirst("");
        return doi.toLowerCase(Locale.ROOT).strip();
    }

    /** The arXiv id behind an arXiv-issued DOI (10.48550/arXiv.2408.14033), else "". */
    public static String arxivFromDoi(String doi) {
        Matcher m = ARXIV_DOI.matcher(doi(doi));
        return m.matches() ? arxiv(m.group(1)) : "";
    }

    /** A title reduced to lower-case letters and digits separated by single spaces. */
    public static String titleKey(String title) {
        return Objects.requireNonNullElse(title, "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
    }

    /** Text with runs of white space made single spaces. */
    public static String clean(String text) {
        return Objects.requireNonNullElse(text, "").replaceAll("\\s+", " ").strip();
    }
}
