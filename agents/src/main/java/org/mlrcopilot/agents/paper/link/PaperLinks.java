package org.mlrcopilot.agents.paper.link;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Understands the links and identifiers researchers paste. */
public final class PaperLinks {

    public static final String SUPPORTED = "I can read arXiv links or ids (e.g. 2408.14033, arXiv:hep-th/9901001), "
            + "OpenReview forum or PDF links, ACL Anthology pages and PDFs, DOIs (10.xxxx/...), direct PDF links, "
            + "and paper landing pages with citation metadata (http or https)";

    private static final String NEW_ID = "\\d{4}\\.\\d{4,5}";
    private static final String OLD_ID = "[a-z][a-z\\-]+(?:\\.[A-Z]{2})?/\\d{7}";
    private static final Pattern ARXIV_ID =
            Pattern.compile("(?i)^(?:arxiv:\\s*)?(" + NEW_ID + "|" + OLD_ID + ")(v\\d+)?$");
    private static final Pattern ARXIV_PATH =
            Pattern.compile("^/(?:abs|pdf|html|format)/(" + NEW_ID + "|" + OLD_ID + ")(v\\d+)?(?:\\.pdf)?/?$");
    private static final Pattern DOI = Pattern.compile("^(?:doi:\\s*)?(10\\.\\d{4,9}/\\S+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ACL_PATH = Pattern.compile(
            "^/(?:anthology/)?(\\d{4}\\.[a-z0-9\\-]+\\.\\d+|[A-Z]\\d{2}-\\d{4})(?:v\\d+)?(?:\\.pdf)?/?$");
    private static final Pattern OPENREVIEW_ID = Pattern.compile("(?:^|&)id=([A-Za-z0-9_\\-]+)");

    private static final Pattern UPLOAD = Pattern.compile("upload:([0-9a-f]{64})/(.{1,200})");

    private PaperLinks() {}

    /** The paper link in {@code text}, or an {@link UnsupportedLinkException} saying what is supported. */
    public static PaperLink parse(String text) {
        String original = text == null ? "" : text.strip();
        String t = original.replaceAll("^<|>$", "");
        Matcher upload = UPLOAD.matcher(t);
        if (upload.matches()) {
            return new PaperLink.Upload(original, upload.group(1), upload.group(2));
        }
        Matcher id = ARXIV_ID.matcher(t);
        if (id.matches()) {
            return new PaperLink.Arxiv(original, id.group(1), version(id.group(2)));
        }
        Matcher doi = DOI.matcher(t);
        if (doi.matches()) {
            return new PaperLink.Doi(original, trimDoi(doi.group(1)));
        }
        return parseUri(original, uri(t));
    }

    private static PaperLink parseUri(String original, URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (host.equals("arxiv.org") || host.equals("export.arxiv.org")) {
            return arxiv(original, path);
        }
        if (host.equals("openreview.net")) {
            return openReview(original, uri);
        }
        if (host.equals("aclanthology.org") || host.equals("aclweb.org")) {
            Matcher m = ACL_PATH.matcher(path);
            if (m.matches()) {
                return new PaperLink.AclAnthology(original, m.group(1));
            }
        }
        if (host.equals("doi.org") || host.equals("dx.doi.org")) {
            String doi = decode(path.replaceFirst("^/", ""));
            if (DOI.matcher(doi).matches()) {
                return new PaperLink.Doi(original, trimDoi(doi));
            }
        }
        return new PaperLink.Web(original, uri);
    }

    private static PaperLink arxiv(String original, String path) {
        Matcher m = ARXIV_PATH.matcher(path);
        if (!m.matches()) {
            throw new UnsupportedLinkException("that arXiv link does not name a paper (" + original + "); "
                    + "use e.g. https://arxiv.org/abs/2408.14033");
        }
        return new PaperLink.Arxiv(original, m.group(1), version(m.group(2)));
    }

    private static PaperLink openReview(String original, URI uri) {
        Matcher m = OPENREVIEW_ID.matcher(Optional.ofNullable(uri.getRawQuery()).orElse(""));
        if (!m.find()) {
            throw new UnsupportedLinkException("that OpenReview link has no paper id (" + original + "); "
                    + "use e.g. https://openreview.net/forum?id=...");
        }
        return new PaperLink.OpenReview(original, m.group(1));
    }

    private static URI uri(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new UnsupportedLinkException(
                        scheme.isEmpty()
                                ? "\"" + abbreviate(text) + "\" is not a link. " + SUPPORTED
                                : scheme + ": links are not supported. " + SUPPORTED);
            }
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                throw new UnsupportedLinkException(
                        "the link has no host name (" + abbreviate(text) + "). " + SUPPORTED);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UnsupportedLinkException("\"" + abbreviate(text) + "\" is not a valid link. " + SUPPORTED);
        }
    }

    private static String version(String v) {
        return v == null ? "" : v.toLowerCase(Locale.ROOT);
    }

    private static String trimDoi(String doi) {
        return doi.replaceAll("[.,;)\\]]+$", "");
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
