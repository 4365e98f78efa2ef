package org.mlrcopilot.bot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The same text as Slack and Discord show it: the chat convention, people's Markdown, code left alone. */
class ChatMarkdownTest {

    @Test
    void standardMarkdownBecomesSlackMrkdwn() {
        assertThat(ChatMarkdown.slack("**bold** and __also bold__ and _italic_ and ~~gone~~"))
                .isEqualTo("*bold* and *also bold* and _italic_ and ~gone~");
        assertThat(ChatMarkdown.slack("see [the paper](https://arxiv.org/abs/2408.14033) or [runs](/researches.html)"))
                .isEqualTo("see <https://arxiv.org/abs/2408.14033|the paper> or </researches.html|runs>");
        assertThat(ChatMarkdown.slack("## Results ##\n- first\n  * nested\n+ third"))
                .isEqualTo("*Results*\n• first\n  • nested\n• third");
    }

    @Test
    void theChatConventionStaysAsItIsInSlack() {
        String ours = "*Plan:* tune the kernel\n_proposed_  👍 1  👎 0 on v1\n<https://example.org/a|v1>";
        assertThat(ChatMarkdown.slack(ours)).isEqualTo(ours);
    }

    @Test
    void slackControlCharactersAreEscapedOutsideTheBotsLinksAndMentions() {
        assertThat(ChatMarkdown.slack("2 < 3 & 4 > 1, <https://x.org/?a=1|a & b> for <@U0123>, `i<j`"))
                .isEqualTo("2 &lt; 3 &amp; 4 &gt; 1, <https://x.org/?a=1|a &amp; b> for <@U0123>, `i&lt;j`");
        assertThat(ChatMarkdown.slack("<!channel> <#C1|general> <mailto:x@y.z|mail>"))
                .as("only the bot's own links and mentions stay control sequences")
                .isEqualTo("&lt;!channel&gt; &lt;#C1|general&gt; &lt;mailto:x@y.z|mail&gt;");
    }

    @Test
    void theChatConventionBecomesDiscordMarkdown() {
        assertThat(ChatMarkdown.discord("*Plan:* tune <https://example.org/a?b=1|v1> and ~old~"))
                .isEqualTo("**Plan:** tune [v1](https://example.org/a?b=1) and ~~old~~");
        assertThat(ChatMarkdown.discord("**already bold**, [a link](https://example.org), _italic_, ~~struck~~"))
                .as("people's Markdown is Discord's already")
                .isEqualTo("**already bold**, [a link](https://example.org), _italic_, ~~struck~~");
    }

    @Test
    void codeIsLeftExactlyAsWritten() {
        String code = "run `x = a*b*c` then\n```python\n# a comment\n- not a bullet **kwargs\n```\n**done**";
        assertThat(ChatMarkdown.slack(code))
                .isEqualTo("run `x = a*b*c` then\n```python\n# a comment\n- not a bullet **kwargs\n```\n*done*");
        assertThat(ChatMarkdown.discord("`*x*` and *y*")).isEqualTo("`*x*` and **y**");
    }

    @Test
    void onlyWebAndRelativeLinksAreTranslated() {
        assertThat(ChatMarkdown.slack("[click](javascript:alert(1))")).isEqualTo("[click](javascript:alert(1))");
        assertThat(ChatMarkdown.discord("<javascript:alert(1)|click>")).isEqualTo("<javascript:alert(1)|click>");
    }
}
