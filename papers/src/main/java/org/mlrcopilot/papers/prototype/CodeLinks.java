package org.mlrcopilot.papers.prototype;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The paper's links to code on GitHub, GitLab or Hugging Face, in order, without repeats. */
final class CodeLinks {

    private static final Pattern CODE_HOST =
            Pattern.compile("(?i)https?://(www\\.)?(github\\.com|gitlab\\.com|huggingface\\.co)/[^\\s]+");

    private CodeLinks() {}

    static List<String> of(List<String> links) {
        Map<String, String> kept = new LinkedHashMap<>();
        links.stream().filter(l -> CODE_HOST.matcher(l).matches()).forEach(l -> kept.putIfAbsent(key(l), l));
        return List.copyOf(kept.values());
    }

    /** Links differing only in scheme, "www.", letter case, a trailing slash or ".git" are the same. */
    private static String key(String link) {
        return link.toLowerCase(Locale.ROOT)
                .replaceFirst("^https?://(www\\.)?", "")
                .replaceAll("[#?].*$", "")
                .replaceAll("(\\.git)?/*$", "");
    }
}
