package org.mlrcopilot.papers.literature;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlrcopilot.agents.literature.LiteratureQuery;
import org.mlrcopilot.agents.literature.RelatedPaper;

class MergerTest {

    private static final LiteratureQuery QUERY = new LiteratureQuery(
            "MLR-Copilot: Autonomous Machine Learning " + "Research based on Large Language Models Agents",
            "",
            List.of(),
            "2408.14033",
            "");

    @Test
    void oneRecordPerPaperWhetherMatchedByDoiArxivIdOrTitle() {
        List<RelatedPaper> merged = Merger.merge(
                List.of(
                        paper("The AI Scientist", 2024, "", "2408.06292", "", "semantic-scholar"),
                        paper(
                                "SciMON: Scientific Inspiration Machines",
                                2023,
                                "",
                                "",
                                "10.18653/V1/2024.ACL-LONG.18",
                                "semantic-scholar"),
                        paper("Chain of Ideas: Revolutionizing Research", 2024, "", "", "", "semantic-scholar"),
                        paper(
                                "The AI Scientist (preprint)",
                                2024,
                                "Fully automated discovery.",
                                "",
                                "https://doi.org/10.48550/arXiv.2408.06292",
                                "openalex"),
                        paper(
                                "Scientific Inspiration Machines Optimized for Novelty",
                                2024,
                                "Novel ideas.",
                                "",
                                "10.18653/v1/2024.acl-long.18",
                                "openalex"),
                        paper("CHAIN OF IDEAS -- revolutionizing research!", 2024, "Idea chains.", "", "", "arxiv")),
                QUERY);

        assertThat(merged)
                .extracting(RelatedPaper::title)
                .containsExactly(
                        "The AI Scientist",
                        "SciMON: Scientific Inspiration Machines",
                        "Chain of Ideas: Revolutionizing Research");
        assertThat(merged)
                .extracting(RelatedPaper::abstractText)
                .containsExactly("Fully automated discovery.", "Novel ideas.", "Idea chains.");
        assertThat(merged).extracting(RelatedPaper::source).containsOnly("semantic-scholar");
    }

    @Test
    void theQueryPaperIsDroppedHoweverItIsIdentified() {
        List<RelatedPaper> merged = Merger.merge(
                List.of(
                        paper("MLR Copilot (v2)", 2024, "", "arXiv:2408.14033v2", "", "arxiv"),
                        paper("Some other title", 2024, "", "", "10.48550/arxiv.2408.14033", "openalex"),
                        paper(
                                "MLR-COPILOT: autonomous machine learning research based on large language models agents",
                                2024,
                                "",
                                "",
                                "",
                                "semantic-scholar"),
                        paper("ResearchAgent", 2024, "", "2404.07738", "", "semantic-scholar")),
                QUERY);

        assertThat(merged).extracting(RelatedPaper::title).containsExactly("ResearchAgent");
    }

    private static RelatedPaper paper(
            String title, Integer year, String abstractText, String arxivId, String doi, String source) {
        return new RelatedPaper(title, year, abstractText, List.of(), "", arxivId, doi, source, 0);
    }
}
