package org.mlrcopilot.papers.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrontMatterTest {

    @Test
    void splitsAuthorLinesOnCommasConjunctionsAndFootnoteMarks() {
        assertThat(FrontMatter.names("Arman Cohan†∗ Sergey Feldman†∗ Iz Beltagy†\tDaniel S. Weld†,‡"))
                .containsExactly("Arman Cohan", "Sergey Feldman", "Iz Beltagy", "Daniel S. Weld");
        assertThat(FrontMatter.names("Jane Roe1,2, Madeleine van Zuylen3 and John Doe"))
                .containsExactly("Jane Roe", "Madeleine van Zuylen", "John Doe");
    }

    @Test
    void ignoresFragmentsThatAreNotNames() {
        assertThat(FrontMatter.names("{armanc,sergey}@allenai.org")).isEmpty();
    }
}
