package org.mlrcopilot.bot.chat.discord;

import java.util.Map;
import org.mlrcopilot.bot.chat.Emoji;

/** Our canonical reaction names as Discord's Unicode emoji, and back (skin tones ignored). */
final class DiscordEmoji {

    private static final Map<String, String> UNICODE = Map.of(
            Emoji.EYES, "👀",
            Emoji.THUMBS_UP, "👍",
            Emoji.THUMBS_DOWN, "👎",
            Emoji.ROCKET, "🚀",
            Emoji.REPEAT, "🔁",
            Emoji.CHECK, "✅",
            Emoji.WARNING, "⚠️");

    private DiscordEmoji() {}

    static String unicode(String canonical) {
        return UNICODE.getOrDefault(canonical, canonical);
    }

    static String canonical(String unicode) {
        String plain = unicode.replaceAll("[\\x{1F3FB}-\\x{1F3FF}]", "");
        return UNICODE.entrySet().stream()
                .filter(e -> e.getValue().equals(plain)
                        || e.getValue().replace("\uFE0F", "").equals(plain.replace("\uFE0F", "")))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(plain);
    }

    /** Slack-style short codes in our texts (":+1:") as the emoji Discord shows. */
    static String shortCodes(String text) {
        String out = text;
        for (var e : UNICODE.entrySet()) {
            out = out.replace(":" + e.getKey() + ":", e.getValue());
        }
        return out;
    }
}
