package org.mlrcopilot.papers.html;

import java.util.List;
import org.mlrcopilot.agents.paper.Section;

/** A paper's full text read from an HTML rendering (arXiv's LaTeXML pages). */
public record HtmlPaper(
        String title,
        List<String> authors,
        String abstractText,
        List<Section> sections,
        List<String> references,
        List<String> links) {

    public HtmlPaper {
        authors = List.copyOf(authors);
        sections = List.copyOf(sections);
        references = List.copyOf(references);
        links = List.copyOf(links);
    }
}
