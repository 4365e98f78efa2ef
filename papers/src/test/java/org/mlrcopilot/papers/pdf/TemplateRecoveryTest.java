package org.mlrcopilot.papers.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlrcopilot.agents.paper.Section;

/**
 * Structure recovery across publisher templates: 13 papers compiled from ACM (sigconf, acmsmall, manuscript), IEEE
 * (conference, journal), Springer LNCS, Elsevier (preprint, 3p), JMLR/PMLR, AMS, APS REVTeX, an arXiv two-column
 * preprint with the margin stamp and a one-column preprint, plus two real ACL papers. Every paper must give its
 * title, its abstract, at least four of its sections and at least ten references (the rates are printed).
 */
class TemplateRecoveryTest {

    @Test
    void everyTemplateGivesTitleAbstractSectionsAndReferences() {
        List<TemplateRecovery.Row> rows = TemplateRecovery.rows();
        String report = TemplateRecovery.report(rows);
        System.out.print(report);

        assertThat(rows).hasSizeGreaterThanOrEqualTo(15);
        assertThat(rows).as(report).allSatisfy(r -> {
            assertThat(r.passes()).as(r.id()).isTrue();
            assertThat(r.referencesWithin10Pct()).as(r.id() + " references").isTrue();
            assertThat(r.precision()).as(r.id() + " section precision").isEqualTo(1.0);
        });
    }

    @Test
    void theTitleIsTheLargestTextOrTheMetadataWhenTheyAgree() {
        assertThat(PaperAssembler.title("Scaling Laws for Code", "Scaling Laws for Code Generation with Retrieval"))
                .as("the page's title cut short, the metadata complete")
                .isEqualTo("Scaling Laws for Code Generation with Retrieval");
        assertThat(PaperAssembler.title("Scaling Laws for Code Generation", "Microsoft Word - draft7.docx"))
                .isEqualTo("Scaling Laws for Code Generation");
        assertThat(PaperAssembler.title("Scaling Laws for Code Generation", "A different paper altogether"))
                .as("they disagree: the page wins")
                .isEqualTo("Scaling Laws for Code Generation");
        assertThat(PaperAssembler.title("", "Scaling Laws for Code Generation"))
                .isEqualTo("Scaling Laws for Code Generation");
        assertThat(PaperAssembler.title("", "paper.dvi")).isEmpty();
    }

    @Test
    void textWithoutRecoverableStructureComesInPartsNeverOneHugeSection() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            text.append("Paragraph ")
                    .append(i)
                    .append(" has some words about the experiments and their results. ")
                    .append("It goes on for a while so that the whole text is long.\n\n");
        }

        List<Section> parts = PaperAssembler.chunks(text.toString());

        assertThat(parts).hasSizeGreaterThan(3);
        assertThat(parts)
                .allSatisfy(p -> assertThat(p.text().length()).isLessThanOrEqualTo(PaperAssembler.PART_CHARS + 200));
        assertThat(parts).extracting(Section::heading).startsWith("Part 1", "Part 2");
        assertThat(String.join("\n\n", parts.stream().map(Section::text).toList()))
                .isEqualTo(text.toString().strip());
    }
}
