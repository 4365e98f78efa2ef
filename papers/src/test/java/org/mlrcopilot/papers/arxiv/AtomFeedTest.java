package org.mlrcopilot.papers.arxiv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.mlrcopilot.agents.fetch.FetchException;

class AtomFeedTest {

    @Test
    void readsANewStyleEntryWithVersionAndMultiLineTitle() {
        assertThat(AtomFeed.parse(feed("2408.14033.xml"))).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("2408.14033");
            assertThat(e.version()).isEqualTo("v2");
            assertThat(e.title())
                    .isEqualTo(
                            "MLR-Copilot: Autonomous Machine Learning Research based on Large Language Models Agents");
            assertThat(e.authors()).containsExactly("Ruochen Li", "Teerth Patel", "Qingyun Wang", "Xinya Du");
            assertThat(e.summary())
                    .startsWith("Machine learning research, crucial for technological advancements "
                            + "and innovation, often")
                    .doesNotContain("\n", "  ");
            assertThat(e.published()).isEqualTo(LocalDate.of(2024, 8, 26));
            assertThat(e.updated()).isEqualTo(LocalDate.of(2024, 9, 7));
            assertThat(e.doi()).isEmpty();
            assertThat(e.categories()).containsExactly("cs.AI", "cs.CL");
            assertThat(e.absUrl()).isEqualTo("http://arxiv.org/abs/2408.14033v2");
            assertThat(e.pdfUrl()).isEqualTo("http://arxiv.org/pdf/2408.14033v2");
        });
    }

    @Test
    void readsAnOldStyleEntryWithDoi() {
        assertThat(AtomFeed.parse(feed("hep-th-9711200.xml"))).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("hep-th/9711200");
            assertThat(e.version()).isEqualTo("v3");
            assertThat(e.title()).isEqualTo("The Large N Limit of Superconformal Field Theories and Supergravity");
            assertThat(e.authors()).containsExactly("Juan M. Maldacena");
            assertThat(e.doi()).isEqualTo("10.1023/A:1026654312961");
            assertThat(e.published()).isEqualTo(LocalDate.of(1997, 11, 27));
            assertThat(e.pdfUrl()).isEqualTo("http://arxiv.org/pdf/hep-th/9711200v3");
        });
    }

    @Test
    void takesTheVersionFromTheLinkWhenTheIdHasNone() {
        assertThat(AtomFeed.parse(feed("search.xml")))
                .hasSize(5)
                .filteredOn(e -> e.id().equals("2310.03302"))
                .singleElement()
                .satisfies(e -> assertThat(e.version()).isEqualTo("v2"));
    }

    @Test
    void anEmptyFeedOrAnErrorEntryGivesNoEntries() {
        assertThat(AtomFeed.parse(feed("unknown-id.xml"))).isEmpty();
        assertThat(AtomFeed.parse(feed("error.xml"))).isEmpty();
    }

    @Test
    void refusesDoctypesSoNoEntityIsExpanded() {
        assertThatThrownBy(() -> AtomFeed.parse(feed("xxe.xml")))
                .isInstanceOfSatisfying(
                        FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.WRONG_CONTENT));
        assertThatThrownBy(() -> AtomFeed.parse("<feed><entry>")).isInstanceOf(FetchException.class);
    }

    static String feed(String name) {
        try (InputStream in = AtomFeedTest.class.getResourceAsStream("/literature/arxiv/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
