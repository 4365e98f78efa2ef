package org.mlrcopilot.papers.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;
import org.mlrcopilot.agents.paper.Section;

/** The CC BY 4.0 papers under src/test/resources/papers (see ATTRIBUTION.md there) and shared checks. */
final class FixturePapers {

    static final String SPECTER = "2020.acl-main.207.pdf";
    static final String LITERATURE_GRAPH = "N18-3011.pdf";
    static final List<String> ALL = List.of(SPECTER, LITERATURE_GRAPH);

    private static final Pattern NUMBERED = Pattern.compile("(\\d|[A-Z]\\s).*");

    private FixturePapers() {}

    static byte[] bytes(String name) {
        try (InputStream in = FixturePapers.class.getResourceAsStream("/papers/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> numberedHeadings(PdfPaper paper) {
        return paper.sections().stream()
                .map(Section::heading)
                .filter(h -> NUMBERED.matcher(h).matches())
                .toList();
    }

    static Section section(PdfPaper paper, String heading) {
        return paper.sections().stream()
                .filter(s -> s.heading().equals(heading))
                .findFirst()
                .orElseThrow();
    }

    static void assertCleanText(PdfPaper paper, List<String> pageNumbers, String runningText) {
        assertThat(paper.sections()).isNotEmpty();
        for (Section section : paper.sections()) {
            assertThat(section.text()).doesNotContain("-\n").doesNotContain(runningText);
            for (String pageNumber : pageNumbers) {
                assertThat(section.text()).doesNotContainPattern("(^|\\s)" + pageNumber + "(\\s|$)");
            }
            assertThat(section.text().lines()).noneMatch(MarginFilter::isPageNumber);
        }
    }
}
