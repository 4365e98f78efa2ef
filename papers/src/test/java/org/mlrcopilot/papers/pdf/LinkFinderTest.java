package org.mlrcopilot.papers.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinkFinderTest {

    @Test
    void stripsTrailingPunctuationAndDeduplicates() {
        String text = "Code (see https://github.com/acme/tool). Also https://github.com/acme/tool, "
                + "www.example.org. and github.com/acme/other; 3https://example.com/x_(y).";
        assertThat(new LinkFinder().addText(text).links())
                .containsExactly(
                        "https://github.com/acme/tool",
                        "https://www.example.org",
                        "https://github.com/acme/other",
                        "https://example.com/x_(y)");
    }

    @Test
    void ignoresSchemesOtherThanHttp() {
        assertThat(new LinkFinder()
                        .addText("mail mailto:a@b.org or ftp://files.org/x")
                        .links())
                .isEmpty();
    }
}
