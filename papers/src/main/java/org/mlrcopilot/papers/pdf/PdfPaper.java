package org.mlrcopilot.papers.pdf;

import java.util.List;
import java.util.Objects;
import org.mlrcopilot.agents.paper.Section;

/**
 * A research paper as extracted from a PDF.
 *
 * @param title        the title, empty when none was found
 * @param authors      author names in order of appearance (best effort)
 * @param abstractText the abstract, empty when none was found
 * @param sections     body sections in reading order, without the abstract and the references
 * @param references   one string per bibliography entry
 * @param links        distinct http(s) links found in the text and in link annotations
 * @param pages        the number of pages of the document
 */
public record PdfPaper(
        String title,
        List<String> authors,
        String abstractText,
        List<Section> sections,
        List<String> references,
        List<String> links,
        int pages) {

    public PdfPaper {
        title = Objects.requireNonNullElse(title, "").strip();
        abstractText = Objects.requireNonNullElse(abstractText, "").strip();
        authors = List.copyOf(Objects.requireNonNullElse(authors, List.of()));
        sections = List.copyOf(Objects.requireNonNullElse(sections, List.of()));
        references = List.copyOf(Objects.requireNonNullElse(references, List.of()));
        links = List.copyOf(Objects.requireNonNullElse(links, List.of()));
        if (pages < 0) {
            throw new IllegalArgumentException("pages must not be negative: " + pages);
        }
    }
}
