package org.mlrcopilot.agents.paper.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.mlrcopilot.agents.paper.Section;

/** Builds the paper from the cleaned lines of a document. */
final class PaperAssembler {

    private static final Pattern INLINE_ABSTRACT = Pattern.compile("(?i)abstract(?:\\s*[.:—–-]\\s*(.*))?");

    private final List<Line> lines;
    private final List<Heading> headings;
    private final TextJoiner joiner;
    private final List<Section> sections = new ArrayList<>();
    private final List<String> references = new ArrayList<>();
    private String abstractText = "";

    PaperAssembler(List<Line> rawLines) {
        float bodySize = HeadingDetector.bodySize(rawLines);
        this.lines = MarginFilter.apply(rawLines, bodySize);
        this.headings = new HeadingDetector(lines, bodySize).find();
        this.joiner = new TextJoiner(lines, bodySize);
    }

    PdfPaper assemble(List<String> annotationLinks, String metadataTitle, int pages) {
        FrontMatter frontMatter;
        if (headings.isEmpty()) {
            frontMatter = new FrontMatter(lines, joiner);
            sections.add(new Section("", 1, joiner.paragraphs(lines)));
        } else {
            frontMatter = new FrontMatter(frontMatter(lines.subList(0, headings.get(0).start())), joiner);
        }
        for (int i = 0; i < headings.size(); i++) {
            addHeading(i);
        }
        String title = frontMatter.title().isEmpty() && metadataTitle != null ? metadataTitle : frontMatter.title();
        return new PdfPaper(title, frontMatter.authors(), abstractText, sections, references,
                links(annotationLinks), pages);
    }

    private List<Line> frontMatter(List<Line> candidates) {
        for (int i = 0; i < candidates.size(); i++) {
            var inline = INLINE_ABSTRACT.matcher(candidates.get(i).plain());
            if (inline.matches()) {
                List<Line> rest = candidates.subList(i + 1, candidates.size());
                String head = inline.group(1) == null ? "" : inline.group(1);
                abstractText = (head + " " + joiner.oneParagraph(rest)).strip();
                return candidates.subList(0, i);
            }
        }
        return candidates;
    }

    private void addHeading(int index) {
        Heading heading = headings.get(index);
        int end = index + 1 < headings.size() ? headings.get(index + 1).start() : lines.size();
        List<Line> body = lines.subList(heading.end(), end);
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
