package org.mlrcopilot.bot.chat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A message the bot posts. Text is plain text with light markdown ({@code *bold*}, {@code `code`}, line breaks,
 * {@code <url|label>} links); platforms translate it.
 *
 * @param title       a heading (embeds and cards show it apart), "" for none
 * @param text        the body
 * @param fields      short label/value pairs (review scores, metrics), shown compactly
 * @param buttons     actions under the message
 * @param attachments files (plots, logs, diffs) shown or offered with the message
 * @param color       a status colour as #rrggbb, "" for the default
 * @param metadata    what the message stands for (research id, role), carried by platforms that keep message
 *                    metadata (Slack), so a message can be recognised even without the store
 */
public record OutboundMessage(
        String title,
        String text,
        List<Field> fields,
        List<Button> buttons,
        List<Attachment> attachments,
        String color,
        Map<String, String> metadata) {

    public OutboundMessage(
            String title,
            String text,
            List<Field> fields,
            List<Button> buttons,
            List<Attachment> attachments,
            String color) {
        this(title, text, fields, buttons, attachments, color, Map.of());
    }

    public OutboundMessage {
        metadata = Map.copyOf(Objects.requireNonNullElse(metadata, Map.of()));
        title = Objects.requireNonNullElse(title, "");
        text = Objects.requireNonNullElse(text, "");
        fields = List.copyOf(fields);
        buttons = List.copyOf(buttons);
        attachments = List.copyOf(attachments);
        color = Objects.requireNonNullElse(color, "");
    }

    public static OutboundMessage text(String text) {
        return new OutboundMessage("", text, List.of(), List.of(), List.of(), "");
    }

    public OutboundMessage withButtons(List<Button> value) {
        return new OutboundMessage(title, text, fields, value, attachments, color, metadata);
    }

    public OutboundMessage withAttachments(List<Attachment> value) {
        return new OutboundMessage(title, text, fields, buttons, value, color, metadata);
    }

    public OutboundMessage withMetadata(Map<String, String> value) {
        return new OutboundMessage(title, text, fields, buttons, attachments, color, value);
    }

    /** A label and its value, e.g. "Novelty" "4/5". */
    public record Field(String label, String value) {
        public Field {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A button; pressing it delivers {@link Inbound.ButtonPressed} with {@code action} and {@code value}.
     *
     * @param style "primary", "danger" or "" for the default
     */
    public record Button(String action, String label, String value, String style) {
        public Button {
            // at most 30 + 60 characters: every platform carries both (Discord in a custom_id of 100 characters)
            if (action == null || !action.matches("[a-z_]{1,30}")) {
                throw new IllegalArgumentException("button action must be 1-30 lower-case letters or '_': " + action);
            }
            Objects.requireNonNull(label, "label");
            value = Objects.requireNonNullElse(value, "");
            if (value.length() > 60) {
                throw new IllegalArgumentException("button value is longer than 60 characters: " + value);
            }
            style = Objects.requireNonNullElse(style, "");
        }
    }

    /** A file to upload with the message. */
    public record Attachment(String name, String contentType, Path file) {
        public Attachment {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(file, "file");
        }

        public boolean image() {
            return contentType.startsWith("image/");
        }
    }
}
