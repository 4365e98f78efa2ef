package org.mlrcopilot.papers.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.mlrcopilot.agents.paper.Section;

/** Builds the paper from the cleaned lines of a document. */
final class PaperAssembler {

    static final int PART_CHARS = 6_000;
    private static final Pattern INLINE_ABSTRACT = Pattern.compile("(?i)abstract(?:\\s*[.:—–-]\\s*(.*))?");

    private final List<Line> lines;
    private final List<Heading> headings;
    private final TextJoiner joiner;
    private final List<Section> sections = new ArrayList<>();
    private final List<String> references = new ArrayList<>();
    private String abstractText = "";

    private final float bodySize;

    PaperAssembler(List<Line> rawLines) {
        this.bodySize = HeadingDetector.bodySize(rawLines);
        this.lines = MarginFilter.apply(rawLines, bodySize);
        this.headings = new HeadingDetector(lines, bodySize).find();
        this.joiner = new TextJoiner(lines, bodySize);
    }

    PdfPaper assemble(List<String> annotationLinks, String metadataTitle, int pages) {
        FrontMatter frontMatter;
        if (headings.isEmpty()) {
            frontMatter = new FrontMatter(lines, joiner);
            abstractText = unheadedAbstract(lines);
            sections.addAll(chunks(joiner.paragraphs(lines)));
        } else {
            frontMatter =
                    new FrontMatter(frontMatter(lines.subList(0, headings.get(0).start())), joiner);
        }
        for (int i = 0; i < headings.size(); i++) {
            addHeading(i);
        }
        if (abstractText.isEmpty() && !headings.isEmpty()) {
            abstractText = unheadedAbstract(lines.subList(0, headings.get(0).start()));
        }
        String title = title(frontMatter.title(), metadataTitle);
        return new PdfPaper(
                title, frontMatter.authors(), abstractText, sections, references, links(annotationLinks), pages);
    }

    private List<Line> frontMatter(List<Line> candidates) {
        for (int i = 0; i < candidates.size(); i++) {
            var inline = INLINE_ABSTRACT.matcher(candidates.get(i).plain());
            if (inline.matches()) {
                List<Line> rest = candidates.subList(i + 1, candidates.size());
                String head = inline.group(1) == null ? "" : inline.group(1).strip();
                String tail = joiner.oneParagraph(rest);
                abstractText = (head.matches(".*\\p{L}-") && tail.matches("\\p{Ll}.*")
                                ? head.substring(0, head.length() - 1) + tail
                                : head + " " + tail)
                        .strip();
                return candidates.subList(0, i);
            }
        }
        return candidates;
    }

    /**
     * The title: the first page's largest text, or the PDF's metadata title when the two agree (the largest text is
     * part of it, e.g. a title broken by a footnote mark) or when the page gives none; metadata that names a file or
     * a program is never a title.
     */
    static String title(String largest, String metadata) {
        String meta = metadata == null ? "" : metadata.strip();
        boolean usable = meta.length() >= 8
                && meta.length() <= 300
                && !meta.matches("(?i).*(\\.(dvi|pdf|tex|docx?|ps)\\b|microsoft word|untitled|^title$|^paper$).*");
        if (largest.isBlank()) {
            return usable ? meta : "";
        }
        String l = normalized(largest);
        return usable && l.length() >= 8 && normalized(meta).contains(l) ? meta : largest;
    }

    private static String normalized(String text) {
        return text.toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
    }

    /** Text without recoverable structure, in parts of about {@value #PART_CHARS} characters cut between paragraphs. */
    static List<Section> chunks(String text) {
        List<Section> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (String paragraph : text.split("\n\n")) {
            if (part.length() > 0 && part.length() + paragraph.length() > PART_CHARS) {
                parts.add(new Section(
                        "Part " + (parts.size() + 1), 1, part.toString().strip()));
                part.setLength(0);
            }
            part.append(paragraph).append("\n\n");
        }
        if (part.length() > 0 || parts.isEmpty()) {
            parts.add(new Section(
                    parts.isEmpty() ? "" : "Part " + (parts.size() + 1),
                    1,
                    part.toString().strip()));
        }
        return parts;
    }

    /** An abstract set without a heading: the first paragraph of prose after the title and authors. */
    private String unheadedAbstract(List<Line> front) {
        int start = 0;
        while (start < front.size() && !HeadingDetector.prose(front.get(start), bodySize)) {
            start++;
        }
        if (start == front.size()) {
            return "";
        }
        String text = joiner.paragraphs(front.subList(start, front.size()));
        int split = text.indexOf("\n\n");
        return (split < 0 ? text : text.substring(0, split)).strip();
    }

    /** Where the last section's body turns into an unheaded list of references ("[1] ..."), or -1. */
    private static int unheadedReferences(List<Line> body) {
        for (int i = 0; i < body.size(); i++) {
            if (body.get(i).plain().startsWith("[1]")) {
                long more = body.subList(i, body.size()).stream()
                        .filter(l -> l.plain().matches("\\[\\d{1,3}\\].*"))
                        .count();
                return more >= 3 ? i : -1;
            }
        }
        return -1;
    }

    private void addHeading(int index) {
        Heading heading = headings.get(index);
        int end = index + 1 < headings.size() ? headings.get(index + 1).start() : lines.size();
        List<Line> body = lines.subList(heading.end(), end);
        if (index == headings.size() - 1 && references.isEmpty() && !heading.named(HeadingDetector.REFERENCES)) {
            int refs = unheadedReferences(body);
            if (refs >= 0) {
                references.addAll(ReferenceSplitter.split(body.subList(refs, body.size()), joiner));
                body = body.subList(0, refs);
            }
        }
        if (heading.named(HeadingDetector.ABSTRACT) && abstractText.isEmpty()) {
            abstractText = joiner.paragraphs(body);
        } else if (heading.named(HeadingDetector.REFERENCES) && references.isEmpty()) {
            references.addAll(ReferenceSplitter.split(body, joiner));
        } else {
            sections.add(new Section(heading.text(), heading.level(), joiner.paragraphs(body)));
        }
    }

    private List<String> links(List<String> annotationLinks) {
        LinkFinder finder = new LinkFinder().addText(joiner.paragraphs(lines));
        annotationLinks.forEach(finder::addText);
        return finder.links();
    }
}
