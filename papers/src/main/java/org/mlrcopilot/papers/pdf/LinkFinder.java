package org.mlrcopilot.papers.pdf;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Web links from the text and from the link annotations of a document. */
final class LinkFinder {

    private static final Pattern URL =
            Pattern.compile("(?i)(?<!\\p{L})(?:https?://|www\\.|github\\.com/)[^\\s<>\"{}|\\\\^`]+");
    private static final Pattern TRAILING = Pattern.compile("[.,;:!?'\"’”*]+$");
    private static final int MAX_LINKS = 500;
    private static final Logger LOG = LoggerFactory.getLogger(LinkFinder.class);

    private final Set<String> links = new LinkedHashSet<>();

    List<String> links() {
        return List.copyOf(links);
    }

    LinkFinder addText(String text) {
        Matcher matcher = URL.matcher(text);
        while (matcher.find()) {
            add(matcher.group());
        }
        return this;
    }

    /** Adds the targets of URI link annotations; pages whose annotations cannot be read are skipped. */
    LinkFinder addAnnotations(PDDocument document, int maxPages) {
        int pages = Math.min(maxPages, document.getNumberOfPages());
        for (int i = 0; i < pages; i++) {
            try {
                addAnnotations(document.getPage(i));
            } catch (IOException | RuntimeException e) {
                LOG.debug("skipping unreadable annotations on page {}", i + 1, e);
            }
        }
        return this;
    }

    private void addAnnotations(PDPage page) throws IOException {
        for (PDAnnotation annotation : page.getAnnotations()) {
            if (annotation instanceof PDAnnotationLink link && link.getAction() instanceof PDActionURI uri) {
                add(uri.getURI());
            }
        }
    }

    private void add(String raw) {
        if (raw == null || links.size() >= MAX_LINKS) {
            return;
        }
        String url = clean(raw.strip());
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("www.") || lower.startsWith("github.com/")) {
            url = "https://" + url;
        }
        if (url.matches("(?i)https?://[^/\\s]+\\.[^/\\s]+.*")) {
            links.add(url);
        }
    }

    private static String clean(String url) {
        String previous;
        String current = url;
        do {
            previous = current;
            current = TRAILING.matcher(current).replaceFirst("");
            current = stripUnbalanced(current, '(', ')');
            current = stripUnbalanced(current, '[', ']');
        } while (!current.equals(previous));
        return current;
    }

    private static String stripUnbalanced(String url, char open, char close) {
        if (url.endsWith(String.valueOf(close)) && count(url, open) < count(url, close)) {
            return url.substring(0, url.length() - 1);
        }
        return url;
    }

    private static long count(String text, char c) {
        return text.chars().filter(ch -> ch == c).count();
    }
}
