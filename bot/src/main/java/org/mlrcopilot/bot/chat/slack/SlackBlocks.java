package org.mlrcopilot.bot.chat.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import java.util.ArrayList;
import java.util.List;
import org.mlrcopilot.bot.chat.ChatMarkdown;
import org.mlrcopilot.bot.chat.OutboundMessage;

/**
 * Our messages as Block Kit, within Slack's limits: at most 50 blocks, section text at most 3,000 characters,
 * header 150, at most 10 fields per section and 25 elements per actions block; longer text is cut and points to
 * the full page in the web view.
 */
final class SlackBlocks {

    static final int MAX_BLOCKS = 50;
    static final int MAX_SECTION = 3000;
    static final int MAX_FIELD = 2000;
    static final int MAX_HEADER = 150;

    private SlackBlocks() {}

    static List<LayoutBlock> of(OutboundMessage m, String webLink) {
        List<LayoutBlock> blocks = new ArrayList<>();
        if (!m.title().isBlank()) {
            blocks.add(header(h -> h.text(plainText(clip(m.title(), MAX_HEADER, "")))));
        }
        for (String part : sections(ChatMarkdown.slack(absolute(m.text(), webLink)), webLink)) {
            blocks.add(section(s -> s.text(markdownText(part))));
        }
        List<LayoutBlock> fieldBlocks = fields(m.fields());
        int room = MAX_BLOCKS - blocks.size() - (m.buttons().isEmpty() ? 0 : 1);
        if (fieldBlocks.size() > room) {
            blocks.addAll(fieldBlocks.subList(0, Math.max(0, room - 1)));
            blocks.add(context(c -> c.elements(List.of(markdownText("More in the web view: " + webLink)))));
        } else {
            blocks.addAll(fieldBlocks);
        }
        if (!m.buttons().isEmpty()) {
            List<BlockElement> elements = new ArrayList<>();
            m.buttons().stream()
                    .limit(25)
                    .forEach(b -> elements.add(button(x -> {
                        x.actionId(b.action()).value(b.value()).text(plainText(b.label()));
                        if (b.style().equals("primary") || b.style().equals("danger")) {
                            x.style(b.style());
                        }
                        return x;
                    })));
            blocks.add(actions(a -> a.elements(elements)));
        }
        return blocks;
    }

    /** Text as sections of at most 3,000 characters; at most three, the rest points to the web view. */
    private static List<String> sections(String text, String webLink) {
        List<String> out = new ArrayList<>();
        String rest = text.isBlank() ? " " : text;
        while (!rest.isEmpty() && out.size() < 3) {
            int cut = Math.min(rest.length(), MAX_SECTION);
            out.add(rest.substring(0, cut));
            rest = rest.substring(cut);
        }
        if (!rest.isEmpty()) {
            String last = out.remove(out.size() - 1);
            String marker = "… (cut; the whole message: " + webLink + ")";
            out.add(last.substring(0, Math.min(last.length(), MAX_SECTION - marker.length())) + marker);
        }
        return out;
    }

    private static List<LayoutBlock> fields(List<OutboundMessage.Field> fields) {
        List<LayoutBlock> out = new ArrayList<>();
        for (int i = 0; i < fields.size(); i += 10) {
            List<TextObject> texts = new ArrayList<>();
            fields.subList(i, Math.min(fields.size(), i + 10))
                    .forEach(f -> texts.add(markdownText(
                            clip("*" + f.label() + "*\n" + ChatMarkdown.slack(f.value()), MAX_FIELD, "…"))));
            out.add(section(s -> s.fields(texts)));
        }
        return out;
    }

    /** Links to the web view's pages, relative in our messages, made absolute for Slack. */
    static String absolute(String text, String webBase) {
        return text.replaceAll(
                "(^|\\s)(/run\\.html\\?id=[\\w-]+)",
                "$1<" + java.util.regex.Matcher.quoteReplacement(webBase) + "$2|run page>");
    }

    /** The plain text Slack shows in notifications and where blocks cannot be shown. */
    static String fallback(OutboundMessage m) {
        String text = (m.title().isBlank() ? "" : m.title() + "\n") + m.text();
        return clip(text, 3000, "…");
    }

    static String clip(String text, int max, String marker) {
        return text.length() <= max ? text : text.substring(0, max - marker.length()) + marker;
    }
}
