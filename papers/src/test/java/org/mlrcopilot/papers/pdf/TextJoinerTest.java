package org.mlrcopilot.papers.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextJoinerTest {

    private static final float BODY = 10;

    @Test
    void rejoinsWordsBrokenAtLineEnds() {
        assertThat(join("The experi-", "ment worked.")).isEqualTo("The experiment worked.");
    }

    @Test
    void keepsHyphensOfCompounds() {
        assertThat(join("it is state-of-the-", "art now")).isEqualTo("it is state-of-the-art now");
        assertThat(join("by Hsu-", "Han Ooi")).isEqualTo("by Hsu-Han Ooi");
    }

    @Test
    void usesTheDocumentVocabularyToDecide() {
        List<Line> lines = lines(
                "a document-level model and a SciBERT model", "for document-", "level tasks beats SciB-", "ERT here");
        String text = new TextJoiner(lines, BODY).oneParagraph(lines.subList(1, 4));
        assertThat(text).isEqualTo("for document-level tasks beats SciBERT here");
    }

    @Test
    void rejoinsUrlsBrokenAcrossLines() {
        assertThat(join("code: https://github.com/acme/", "tool-kit and more"))
                .isEqualTo("code: https://github.com/acme/tool-kit and more");
        assertThat(join("see https://example.org/page/", "2https://other.org"))
                .isEqualTo("see https://example.org/page/ 2https://other.org");
    }

    @Test
    void startsParagraphsAtIndentedLinesAfterASentenceEnd() {
        List<Line> lines = new ArrayList<>(lines("First paragraph ends here."));
        lines.add(new Line("Second one is indented", 1, 85, 300, 112.5f, BODY, false, 792));
        lines.add(new Line("and continues.", 1, 72, 300, 125, BODY, false, 792));
        assertThat(new TextJoiner(lines, BODY).paragraphs(lines))
                .isEqualTo("First paragraph ends here.\n\nSecond one is indented and continues.");
    }

    @Test
    void movesSmallTypeAfterTheBodyText() {
        List<Line> lines = new ArrayList<>(lines("Body text that continues"));
        lines.add(new Line("1 A footnote.", 1, 72, 300, 700, 8, false, 792));
        lines.add(new Line("on the next column.", 1, 320, 500, 100, BODY, false, 792));
        assertThat(new TextJoiner(lines, BODY).paragraphs(lines))
                .isEqualTo("Body text that continues on the next column.\n\n1 A footnote.");
    }

    private static String join(String... texts) {
        List<Line> lines = lines(texts);
        return new TextJoiner(lines, BODY).oneParagraph(lines);
    }

    static List<Line> lines(String... texts) {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            lines.add(new Line(texts[i], 1, 72, 300, 100 + 12.5f * i, BODY, false, 792));
        }
        return lines;
    }
}
