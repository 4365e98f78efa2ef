package org.mlrcopilot.bot.chat.discord;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.interactions.components.ActionRow;
import net.dv8tion.jda.api.interactions.components.buttons.Button;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.mlrcopilot.bot.chat.ChatMarkdown;
import org.mlrcopilot.bot.chat.OutboundMessage;
import org.slf4j.LoggerFactory;

/**
 * Our messages as Discord messages within Discord's limits: content at most 2,000 characters, an embed's
 * title 256, description 4,096, 25 fields of 256/1,024 and 6,000 characters in all, {@code custom_id} at most
 * 100, 5 buttons a row and 5 rows. Longer text is cut and points to the web view.
 */
final class DiscordMessages {

    static final int CONTENT = 2000;
    static final int TITLE = 256;
    static final int DESCRIPTION = 4096;
    static final int EMBED_TOTAL = 6000;
    static final int FIELDS = 25;
    static final int FIELD_NAME = 256;
    static final int FIELD_VALUE = 1024;
    static final int CUSTOM_ID = 100;
    static final String PREFIX = "mlr:";

    /** A button's action and value, read back from its {@code custom_id}. */
    record Action(String action, String value) {}

    private DiscordMessages() {}

    /** Links to the web view's pages, relative in our messages, made absolute. */
    static OutboundMessage absolute(OutboundMessage m, String webBase) {
        String text = m.text()
                .replaceAll(
                        "(^|\\s)(/run\\.html\\?id=[\\w-]+)",
                        "$1<" + java.util.regex.Matcher.quoteReplacement(webBase) + "$2|run page>");
        return new OutboundMessage(m.title(), text, m.fields(), m.buttons(), m.attachments(), m.color(), m.metadata());
    }

    static MessageCreateData of(OutboundMessage m, String webLink) {
        MessageCreateBuilder out = new MessageCreateBuilder();
        if (m.title().isBlank() && m.fields().isEmpty()) {
            out.setContent(cut(markdown(m.text()), CONTENT, webLink));
        } else {
            out.setEmbeds(embed(m, webLink));
            // a mention inside an embed notifies nobody: the people it names go in the content too
            String mentions = java.util.regex.Pattern.compile("<@!?\\d+>")
                    .matcher(m.text())
                    .results()
                    .map(java.util.regex.MatchResult::group)
                    .distinct()
                    .collect(java.util.stream.Collectors.joining(" "));
            if (!mentions.isEmpty()) {
                out.setContent(clip(mentions, CONTENT));
            }
        }
        out.setComponents(rows(m.buttons()));
        m.attachments().forEach(a -> out.addFiles(FileUpload.fromData(a.file().toFile(), a.name())));
        out.setAllowedMentions(java.util.EnumSet.of(net.dv8tion.jda.api.entities.Message.MentionType.USER));
        return out.build();
    }

    static MessageEmbed embed(OutboundMessage m, String webLink) {
        EmbedBuilder e = new EmbedBuilder();
        String title = clip(m.title().isBlank() ? "MLR-Copilot" : m.title(), TITLE);
        e.setTitle(title);
        String description = cut(markdown(m.text()), DESCRIPTION, webLink);
        e.setDescription(description);
        if (m.color().matches("#[0-9a-fA-F]{6}")) {
            e.setColor(Color.decode(m.color()));
        }
        m.attachments().stream()
                .filter(OutboundMessage.Attachment::image)
                .filter(a -> a.name().matches("[\\w.-]+\\.(png|jpe?g|gif|webp)"))
                .findFirst()
                .ifPresent(a -> e.setImage("attachment://" + a.name()));
        int used = title.length() + description.length();
        int added = 0;
        for (OutboundMessage.Field f : m.fields()) {
            String name = clip(f.label().isBlank() ? "-" : f.label(), FIELD_NAME);
            String value = clip(f.value().isBlank() ? "-" : markdown(f.value()), FIELD_VALUE);
            if (added == FIELDS - 1 || used + name.length() + value.length() > EMBED_TOTAL - 200) {
                e.addField("More", "In the web view: " + webLink, false);
                break;
            }
            e.addField(name, value, value.length() <= 40);
            used += name.length() + value.length();
            added++;
        }
        return e.build();
    }

    static List<ActionRow> rows(List<OutboundMessage.Button> buttons) {
        List<ActionRow> rows = new ArrayList<>();
        List<Button> row = new ArrayList<>();
        for (OutboundMessage.Button b : buttons) {
            String id = PREFIX + b.action() + ":" + b.value();
            if (id.length() > CUSTOM_ID) {
                // a cut id would act on something else: leave the button out (the web view has it)
                LoggerFactory.getLogger("mlr.discord").warn("button id too long: " + id);
                continue;
            }
            Button button = switch (b.style()) {
                case "primary" -> Button.primary(id, clip(b.label(), 80));
                case "danger" -> Button.danger(id, clip(b.label(), 80));
                default -> Button.secondary(id, clip(b.label(), 80));
            };
            row.add(button);
            if (row.size() == 5) {
                rows.add(ActionRow.of(row));
                row = new ArrayList<>();
            }
            if (rows.size() == 5) {
                return rows;
            }
        }
        if (!row.isEmpty()) {
            rows.add(ActionRow.of(row));
        }
        return rows;
    }

    static Optional<Action> action(String customId) {
        if (customId == null || !customId.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = customId.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        return colon < 1
                ? Optional.empty()
                : Optional.of(new Action(rest.substring(0, colon), rest.substring(colon + 1)));
    }

    /** Our text in Discord's Markdown ({@link ChatMarkdown#discord}), :+1: as the emoji. */
    static String markdown(String text) {
        return ChatMarkdown.discord(DiscordEmoji.shortCodes(text));
    }

    private static String cut(String text, int max, String webLink) {
        if (text.length() <= max) {
            return text;
        }
        String marker = "… (cut; the whole message: " + webLink + ")";
        return text.substring(0, max - marker.length()) + marker;
    }

    static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
