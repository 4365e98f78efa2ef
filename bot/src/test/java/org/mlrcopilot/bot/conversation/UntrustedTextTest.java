package org.mlrcopilot.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlrcopilot.agents.literature.RelatedPaper;
import org.mlrcopilot.agents.literature.RelatedWork;
import org.mlrcopilot.agents.research.StoredBrief;
import org.mlrcopilot.bot.chat.ChatMarkdown;
import org.mlrcopilot.bot.chat.OutboundMessage;

/** What a paper or a model wrote reaches every platform as text: no pings, no masked links, the bot's own links kept. */
class UntrustedTextTest {

    @Test
    void aCraftedPaperCannotPingOrMaskALink() {
        StoredBrief brief = new StoredBrief(
                "r-1",
                "k",
                "<!channel> Best paper",
                "Click <https://evil.example/a|Approve run> or [Approve](https://evil.example/b) @everyone @here",
                null,
                new RelatedWork(
                        List.of(new RelatedPaper(
                                "<@U123> [x](https://evil.example/c)",
                                2024,
                                "",
                                List.of(),
                                "https://arxiv.org/abs/2310.03302",
                                "2310.03302",
                                null,
                                "openalex",
                                0.9)),
                        List.of()));
        OutboundMessage m = Messages.brief(brief);
        String all = m.title() + "\n" + m.text();
        for (String shown : List.of(all, ChatMarkdown.slack(all), ChatMarkdown.discord(all))) {
            assertThat(shown)
                    .doesNotContain("<!channel>")
                    .doesNotContain("<@U123>")
                    .doesNotContain("<https://evil.example")
                    .doesNotContain("](https://evil.example")
                    .doesNotContain("@everyone")
                    .doesNotContain("@here");
        }
        assertThat(m.title()).isEqualTo("Brief: ‹!channel› Best paper");
        assertThat(m.text())
                .as("the text is still there, as text")
                .contains("Approve run")
                .contains("<https://arxiv.org/abs/2310.03302|‹@U123› [x]");
        assertThat(ChatMarkdown.discord(m.text()))
                .as("the bot's own link still works on Discord")
                .contains("](https://arxiv.org/abs/2310.03302)");
    }
}
