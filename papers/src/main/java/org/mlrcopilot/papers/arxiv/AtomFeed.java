package org.mlrcopilot.papers.arxiv;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.mlrcopilot.agents.fetch.FetchException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/** Reads the Atom feed of the arXiv API; DTDs and external entities are refused. */
final class AtomFeed {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String ARXIV = "http://arxiv.org/schemas/atom";
    private static final Pattern ABS = Pattern.compile("/abs/(.+?)(v\\d+)?$");

    private AtomFeed() {}

    /** The paper entries of the feed; error entries and entries without an arXiv id are left out. */
    static List<ArxivEntry> parse(String xml) {
        List<ArxivEntry> entries = new ArrayList<>();
        for (Element entry : children(parseXml(xml).getDocumentElement(), ATOM, "entry")) {
            toEntry(entry).ifPresent(entries::add);
        }
        return entries;
    }

    private static Optional<ArxivEntry> toEntry(Element entry) {
        String title = text(entry, ATOM, "title");
        Matcher id = ABS.matcher(text(entry, ATOM, "id"));
        if (title.isEmpty()
                || title.equals("Error")
                || !id.find()
                || !ArxivEntry.ID.matcher(id.group(1)).matches()) {
            return Optional.empty();
        }
        String absUrl = link(entry, "rel", "alternate");
        String version = id.group(2) != null ? id.group(2) : versionOf(absUrl);
        return Optional.of(new ArxivEntry(
                id.group(1),
                version,
                title,
                authors(entry),
                text(entry, ATOM, "summary"),
                date(text(entry, ATOM, "published")),
                date(text(entry, ATOM, "updated")),
                text(entry, ARXIV, "doi"),
                categories(entry),
                absUrl.isEmpty() ? "https://arxiv.org/abs/" + id.group(1) + version : absUrl,
                link(entry, "title", "pdf")));
    }

    private static String versionOf(String absUrl) {
        Matcher m = ABS.matcher(absUrl);
        return m.find() && m.group(2) != null ? m.group(2) : "";
    }

    private static List<String> authors(Element entry) {
        List<String> names = new ArrayList<>();
        for (Element author : children(entry, ATOM, "author")) {
            String name = text(author, ATOM, "name");
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    private static List<String> categories(Element entry) {
        List<String> terms = new ArrayList<>();
        for (Element category : children(entry, ATOM, "category")) {
            String term = category.getAttribute("term").strip();
            if (!term.isEmpty() && !terms.contains(term)) {
                terms.add(term);
            }
        }
        return terms;
    }

    private static String link(Element entry, String attribute, String value) {
        for (Element link : children(entry, ATOM, "link")) {
            if (value.equals(link.getAttribute(attribute))) {
                return link.getAttribute("href").strip();
            }
        }
        return "";
    }

    private static LocalDate date(String timestamp) {
        try {
            return timestamp.length() < 10 ? null : LocalDate.parse(timestamp.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(Element parent, String namespace, String name) {
        List<Element> found = children(parent, namespace, name);
        return found.isEmpty()
                ? ""
                : found.get(0).getTextContent().replaceAll("\\s+", " ").strip();
    }

    private static List<Element> children(Element parent, String namespace, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && namespace.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static Document parseXml(String xml) {
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler());
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new FetchException(FetchException.Kind.WRONG_CONTENT, 0, "arXiv answered with an unreadable feed", e);
        }
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }
}
