package org.mlrcopilot.bot.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlrcopilot.bot.chat.OutboundMessage;

/** Block Kit within Slack's limits, whatever the message. */
class SlackBlocksTest {

    private static final String WEB = "http://bot.example.org";

    @Test
    void longContentStaysWithinTheLimitsAndPointsToTheWebView() {
        List<OutboundMessage.Field> fields = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            fields.add(new OutboundMessage.Field("field " + i, "x".repeat(3000)));
        }
        OutboundMessage huge = new OutboundMessage(
                "T".repeat(400),
                "y".repeat(20_000),
                fields,
                List.of(new OutboundMessage.Button("run", "Run experiment", "H1", "primary")),
                List.of(),
                "");

        List<LayoutBlock> blocks = SlackBlocks.of(huge, WEB);

        assertThat(blocks).hasSizeLessThanOrEqualTo(50);
        assertThat(((HeaderBlock) blocks.get(0)).getText().getText()).hasSizeLessThanOrEqualTo(150);
        blocks.stream()
                .filter(SectionBlock.class::isInstance)
                .map(SectionBlock.class::cast)
                .forEach(s -> {
                    if (s.getText() != null) {
                        assertThat(s.getText().getText()).hasSizeLessThanOrEqualTo(3000);
                    }
                    if (s.getFields() != null) {
                        assertThat(s.getFields()).hasSizeLessThanOrEqualTo(10);
                        s.getFields().forEach(f -> assertThat(f.getText()).hasSizeLessThanOrEqualTo(2000));
                    }
                });
        assertThat(blocks.stream()
                        .filter(SectionBlock.class::isInstance)
                        .map(SectionBlock.class::cast)
                        .filter(s -> s.getText() != null)
                        .map(s -> s.getText().getText()))
                .anyMatch(t -> t.endsWith("(cut; the whole message: " + WEB + ")"));
        assertThat(blocks.get(blocks.size() - 2).toString()).contains("More in the web view: " + WEB);
        assertThat(SlackBlocks.fallback(huge)).hasSizeLessThanOrEqualTo(3000);
        assertThat(blocks.get(blocks.size() - 1))
                .as("the buttons survive the cut")
                .isInstanceOf(ActionsBlock.class);
    }

    @Test
    void buttonsBecomeAnActionsBlockAndRunPagesAbsoluteLinks() {
        OutboundMessage m = new OutboundMessage(
                "H1 v1: idea",
                "Run page: /run.html?id=run-1a2b",
                List.of(),
                List.of(
                        new OutboundMessage.Button("run", "Run experiment", "H1", "primary"),
                        new OutboundMessage.Button("discard", "Discard", "H1", "danger")),
                List.of(),
                "");

        List<LayoutBlock> blocks = SlackBlocks.of(m, WEB);

        assertThat(((SectionBlock) blocks.get(1)).getText().getText())
                .isEqualTo("Run page: <" + WEB + "/run.html?id=run-1a2b|run page>");
        ActionsBlock actions = (ActionsBlock) blocks.get(blocks.size() - 1);
        assertThat(actions.getElements()).hasSize(2);
        assertThat(actions.toString())
                .contains("actionId=run")
                .contains("value=H1")
                .contains("style=primary");
    }
}
