package org.mlrcopilot.bot.chat.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.interactions.components.ActionRow;
import net.dv8tion.jda.api.interactions.components.buttons.Button;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;
import org.mlrcopilot.bot.chat.OutboundMessage;

/** Discord messages within Discord's limits, built with JDA's own builders (which refuse what Discord would). */
class DiscordMessagesTest {

    private static final String WEB = "http://bot.example.org";

    @Test
    void longContentStaysWithinTheLimitsAndPointsToTheWebView() {
        List<OutboundMessage.Field> fields = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            fields.add(new OutboundMessage.Field("field " + i + "x".repeat(300), "v".repeat(2000)));
        }
        List<OutboundMessage.Button> buttons = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            buttons.add(new OutboundMessage.Button("run", "Run " + i, "H" + i + "-" + "z".repeat(50), "primary"));
        }
        OutboundMessage huge =
                new OutboundMessage("T".repeat(400), "y".repeat(9000), fields, buttons, List.of(), "#2e7d32");

        MessageCreateData data = DiscordMessages.of(huge, WEB);

        MessageEmbed embed = data.getEmbeds().get(0);
        assertThat(embed.getTitle()).hasSizeLessThanOrEqualTo(256);
        assertThat(embed.getDescription())
                .hasSizeLessThanOrEqualTo(4096)
                .endsWith("(cut; the whole message: " + WEB + ")");
        assertThat(embed.getFields()).hasSizeLessThanOrEqualTo(25);
        assertThat(embed.getLength()).isLessThanOrEqualTo(6000);
        assertThat(embed.getFields().get(embed.getFields().size() - 1).getValue())
                .contains(WEB);
        assertThat(embed.getColor()).isEqualTo(new java.awt.Color(0x2e7d32));
        assertThat(data.getComponents()).hasSizeLessThanOrEqualTo(5);
        for (var row : data.getComponents()) {
            List<Button> inRow = ((ActionRow) row).getButtons();
            assertThat(inRow).hasSizeLessThanOrEqualTo(5);
            inRow.forEach(b -> assertThat(b.getId()).hasSizeLessThanOrEqualTo(100));
        }
    }

    @Test
    void plainTextIsContentAndButtonsRoundTripTheirAction() {
        OutboundMessage status = new OutboundMessage(
                "",
                "*ready*: see <https://arxiv.org/abs/2408.14033|the paper>",
                List.of(),
                List.of(new OutboundMessage.Button("discard", "Discard", "H2", "danger")),
                List.of(),
                "");

        MessageCreateData data = DiscordMessages.of(status, WEB);

        assertThat(data.getContent()).isEqualTo("**ready**: see [the paper](https://arxiv.org/abs/2408.14033)");
        Button discard = ((ActionRow) data.getComponents().get(0)).getButtons().get(0);
        assertThat(DiscordMessages.action(discard.getId())).contains(new DiscordMessages.Action("discard", "H2"));
        assertThat(DiscordMessages.action("other:thing")).isEmpty();
        assertThat(DiscordMessages.of(
                                new OutboundMessage("", "x".repeat(5000), List.of(), List.of(), List.of(), ""), WEB)
                        .getContent())
                .hasSizeLessThanOrEqualTo(2000)
                .contains(WEB);
    }

    @Test
    void reactionsMapBothWaysAndShortCodesBecomeEmoji() {
        assertThat(DiscordEmoji.unicode("+1")).isEqualTo("👍");
        assertThat(DiscordEmoji.canonical("👍🏽"))
                .as("skin tones count as the same vote")
                .isEqualTo("+1");
        assertThat(DiscordEmoji.canonical("🚀")).isEqualTo("rocket");
        assertThat(DiscordEmoji.canonical("⚠")).isEqualTo("warning");
        assertThat(DiscordEmoji.canonical("🎉")).isEqualTo("🎉");
        assertThat(DiscordMessages.markdown("React :+1: / :-1:, :rocket: to approve"))
                .isEqualTo("React 👍 / 👎, 🚀 to approve");
    }

    @Test
    void theFirstPlotIsTheEmbedsImageAndRunLinksBecomeAbsolute(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path png = java.nio.file.Files.write(dir.resolve("accuracy.png"), new byte[] {1, 2, 3});
        OutboundMessage results = new OutboundMessage(
                "Results: run-1",
                "Details: /run.html?id=run-1",
                List.of(new OutboundMessage.Field("Accuracy", "0.91")),
                List.of(),
                List.of(
                        new OutboundMessage.Attachment("changes.diff", "text/x-diff", png),
                        new OutboundMessage.Attachment("accuracy.png", "image/png", png)),
                "");

        MessageCreateData data = DiscordMessages.of(DiscordMessages.absolute(results, WEB), WEB);

        assertThat(data.getEmbeds().get(0).getImage().getUrl()).isEqualTo("attachment://accuracy.png");
        assertThat(data.getEmbeds().get(0).getDescription())
                .isEqualTo("Details: [run page](" + WEB + "/run.html?id=run-1)");
        assertThat(data.getFiles()).extracting(f -> f.getName()).containsExactly("changes.diff", "accuracy.png");
    }

    @Test
    void mentionsInAnEmbedAreAlsoInTheContentSoTheyNotify() {
        OutboundMessage results = new OutboundMessage(
                "Results: run-1", "<@123456> your run finished; cc <@!789>", List.of(), List.of(), List.of(), "");
        assertThat(DiscordMessages.of(results, WEB).getContent()).isEqualTo("<@123456> <@!789>");
        assertThat(DiscordMessages.of(
                                new OutboundMessage("Brief: x", "no one", List.of(), List.of(), List.of(), ""), WEB)
                        .getContent())
                .isEmpty();
    }

    @Test
    void theLongestButtonThePortAcceptsFitsDiscordsCustomId() {
        OutboundMessage m = new OutboundMessage(
                "",
                "pick",
                List.of(),
                List.of(
                        new OutboundMessage.Button("resume", "Resume", "run-1", ""),
                        new OutboundMessage.Button("a".repeat(30), "Longest", "v".repeat(60), "")),
                List.of(),
                "");
        List<Button> buttons =
                ((ActionRow) DiscordMessages.of(m, WEB).getComponents().get(0)).getButtons();
        assertThat(buttons)
                .extracting(Button::getId)
                .containsExactly("mlr:resume:run-1", "mlr:" + "a".repeat(30) + ":" + "v".repeat(60));
        assertThatThrownBy(() -> new OutboundMessage.Button("a".repeat(31), "Too long", "", ""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
