package org.mlrcopilot.papers.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceSplitterTest {

    @Test
    void splitsAuthorYearEntriesWithoutIndentation() {
        List<Line> lines = TextJoinerTest.lines(
                "Smith, J. and Doe, A. 2019. A first paper about",
                "things. Journal of Things.",
                "Brown, K. 2020. A second paper.",
                "Miller, P., Chen, L. and Young, R. 2021. Third",
                "paper, extended version. In Proceedings 2021.");
        assertThat(ReferenceSplitter.split(lines, new TextJoiner(lines, 10)))
                .containsExactly(
                        "Smith, J. and Doe, A. 2019. A first paper about things. Journal of Things.",
                        "Brown, K. 2020. A second paper.",
                        "Miller, P., Chen, L. and Young, R. 2021. Third paper, extended version. In Proceedings 2021.");
    }

    @Test
    void splitsByNumericLabels() {
        List<Line> lines = TextJoinerTest.lines(
                "[1] A. Smith. 2020. A study of things.",
                "Neural Computation 9.",
                "[2] B. Jones. 2019. Another study.",
                "Pages 10-20.",
                "[3] C. Doe. 2018. Last.");
        assertThat(ReferenceSplitter.split(lines, new TextJoiner(lines, 10)))
                .containsExactly(
                        "[1] A. Smith. 2020. A study of things. Neural Computation 9.",
                        "[2] B. Jones. 2019. Another study. Pages 10-20.",
                        "[3] C. Doe. 2018. Last.");
    }

    @Test
    void splitsByHangingIndentation() {
        List<Line> lines = List.of(
                new Line("Alice Smith and Bob Jones. 2019. A long title.", 1, 72, 290, 100, 10, false, 792),
                new Line("Neural Computation 9(8).", 1, 80, 290, 112, 10, false, 792),
                new Line("Carol White. 2020. Short. In EMNLP.", 1, 72, 290, 124, 10, false, 792),
                new Line("Dan Brown. 2018. Another one that", 1, 310, 530, 100, 10, false, 792),
                new Line("wraps as well. In NAACL.", 1, 318, 530, 112, 10, false, 792));
        assertThat(ReferenceSplitter.split(lines, new TextJoiner(lines, 10)))
                .containsExactly(
                        "Alice Smith and Bob Jones. 2019. A long title. Neural Computation 9(8).",
                        "Carol White. 2020. Short. In EMNLP.",
                        "Dan Brown. 2018. Another one that wraps as well. In NAACL.");
    }
}
