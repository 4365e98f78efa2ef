package org.mlrcopilot.papers.html;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/** Reads papers out of HTML: arXiv's LaTeXML full-text pages and landing pages' citation metadata. */
public final class PaperHtml {

    private PaperHtml() {}

    /** Full text of an arXiv HTML (LaTeXML) rendering; empty when the page is not one. */
    public static Optional<HtmlPaper> arxivFullText(String html, URI base) {
        Document doc = Jsoup.parse(html, base.toString());
        Element title = doc.selectFirst("h1.ltx_title_document");
        if (title == null) {
            return Optional.empty();
        }
        return Optional.of(new HtmlPaper(
                clean(title.text()),
                authors(doc),
                abstractOf(doc),
                LatexmlSections.of(doc),
                references(doc),
                links(doc)));
    }

    private static List<String> authors(Document doc) {
        List<String> names = new ArrayList<>();
        for (Element e : doc.select(".ltx_authors .ltx_personname")) {
            String name = clean(textBeforeFirstBreak(e));
            for (String part : name.split("\\s*(?:,|\\band\\b)\\s*")) {
                if (!part.isBlank() && part.length() < 80) {
                    names.add(part.strip());
                }
            }
        }
        return names;
    }

    /** Author blocks put affiliations and e-mails after a line break; the names come first. */
    private static String textBeforeFirstBreak(Element personName) {
        StringBuilder text = new StringBuilder();
        for (org.jsoup.nodes.Node node : personName.childNodes()) {
            if (node instanceof Element el && (el.tagName().equals("br") || el.hasClass("ltx_break"))) {
                break;
            }
            if (node instanceof org.jsoup.nodes.TextNode tn) {
                text.append(tn.text());
            } else if (node instanceof Element el && !el.is("sup, .ltx_note, .ltx_contact")) {
                text.append(el.text());
            }
        }
        return text.toString();
    }

    private static String abstractOf(Document doc) {
        Element abs = doc.selectFirst(".ltx_abstract");
        if (abs == null) {
            return "";
        }
        Element copy = abs.clone();
        copy.select("h6, .ltx_title_abstract").remove();
        return clean(copy.text());
    }

    private static List<String> references(Document doc) {
        List<String> refs = new ArrayList<>();
        for (Element item : doc.select(".ltx_bibliography li.ltx_bibitem")) {
            Element copy = item.clone();
            copy.select(".ltx_tag_bibitem").remove();
            String text = clean(copy.text());
            if (!text.isEmpty()) {
                refs.add(text);
            }
        }
        return refs;
    }

    static List<String> links(Document doc) {
        Set<String> links = new LinkedHashSet<>();
        for (Element a : doc.select(".ltx_page_content a[href], article a[href]")) {
            String href = a.absUrl("href");
            if (href.matches("(?i)https?://.+")
                    && !href.matches("(?i)https?://(www\\.)?arxiv\\.org/(html|abs)/.*#.*")) {
                links.add(href.replaceAll("[.,;)]+$", ""));
            }
        }
        return new ArrayList<>(links);
    }

    /** The page's citation metadata; {@link LandingPage#hasMetadata()} is false when it has none. */
    public static LandingPage landingPage(String html, URI base) {
        Document doc = Jsoup.parse(html, base.toString());
        String title = first(doc, "citation_title", "dc.title", "og:title");
        List<String> authors = all(doc, "citation_author");
        if (authors.isEmpty()) {
            authors = all(doc, "dc.creator");
        }
        String abs = first(doc, "citation_abstract", "dc.description", "og:description", "description");
        Optional<String> pdf = pdfUrl(doc);
        String doi =
                first(doc, "citation_doi", "dc.identifier").replaceFirst("(?i)^(doi:|https?://(dx\\.)?doi\\.org/)", "");
        return new LandingPage(
                title,
                authors,
                abs,
                pdf,
                doi.startsWith("10.") ? doi : "",
                first(doc, "citation_arxiv_id"),
                first(doc, "citation_publication_date", "citation_date", "dc.date"));
    }

    private static Optional<String> pdfUrl(Document doc) {
        for (Element meta : metas(doc, "citation_pdf_url")) {
            String url = meta.absUrl("content");
            if (!url.isBlank()) {
                return Optional.of(url);
            }
        }
        return Optional.empty();
    }

    private static String first(Document doc, String... names) {
        for (String name : names) {
            for (Element meta : metas(doc, name)) {
                String value = clean(meta.attr("content"));
                if (!value.isEmpty()) {
                    return value;
                }
            }
        }
        return "";
    }

    private static List<String> all(Document doc, String name) {
        return metas(doc, name).stream()
                .map(m -> clean(m.attr("content")))
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static Elements metas(Document doc, String name) {
        Elements found = new Elements();
        for (Element meta : doc.select("meta[content]")) {
            if (name.equalsIgnoreCase(meta.attr("name")) || name.equalsIgnoreCase(meta.attr("property"))) {
                found.add(meta);
            }
        }
        return found;
    }

    static String clean(String s) {
        return s == null ? "" : s.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }
}
