package org.mlrcopilot.papers.html;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.mlrcopilot.agents.paper.Section;

/** Sections of a LaTeXML page, in document order, each with only its own text (not its subsections'). */
final class LatexmlSections {

    private static final String SECTION_SELECTOR = "section.ltx_section, section.ltx_subsection, "
            + "section.ltx_subsubsection, section.ltx_appendix, section.ltx_paragraph";

    private LatexmlSections() {}

    static List<Section> of(Document doc) {
        List<Section> sections = new ArrayList<>();
        for (Element section : doc.select(SECTION_SELECTOR)) {
            Element heading = section.selectFirst("> .ltx_title, > h2, > h3, > h4, > h5");
            if (heading == null) {
                continue;
            }
            sections.add(new Section(PaperHtml.clean(heading.text()), level(section), ownText(section, heading)));
        }
        return sections;
    }

    private static int level(Element section) {
        if (section.hasClass("ltx_subsubsection") || section.hasClass("ltx_paragraph")) {
            return 3;
        }
        return section.hasClass("ltx_subsection") ? 2 : 1;
    }

    private static String ownText(Element section, Element heading) {
        StringBuilder text = new StringBuilder();
        for (Element child : section.children()) {
            if (child == heading || child.tagName().equals("section")) {
                continue;
            }
            String t = PaperHtml.clean(child.text());
            if (!t.isEmpty()) {
                text.append(t).append("\n\n");
            }
        }
        return text.toString().strip();
    }
}
