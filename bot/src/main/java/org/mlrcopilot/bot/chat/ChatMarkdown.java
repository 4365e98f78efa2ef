package org.mlrcopilot.bot.chat;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Message text in each platform's own markup. The bot writes the chat convention ({@code *bold*},
 * {@code _italic_}, {@code <url|label>}, {@code `code`}); people and language models write standard Markdown
 * ({@code **bold**}, {@code [label](url)}, {@code # heading}, {@code - item}, {@code ~~struck~~}). Both are
 * translated to what the platform shows; code spans and blocks are left exactly as written.
 */
public final class ChatMarkdown {

    private static final Pattern CODE = Pattern.compile("```[\\s\\S]*?```|`[^`\\n]+`");
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[([^\\]\\n]+)]\\(((?:https?://|/)[^\\s)]+)\\)");
    private static final Pattern CHAT_LINK = Pattern.compile("<((?:https?://|/)[^|>\\s]+)\\|([^>\\n]+)>");

    private ChatMarkdown() {}

    /**
     * Slack mrkdwn: **bold** -> *bold*, [label](url) -> &lt;url|label&gt;, # heading -> *heading*, - item -> • item;
     * then {@code &}, {@code <} and {@code >} escaped everywhere except in the links and mentions themselves, as
     * Slack asks.
     */
    public static String slack(String text) {
        return slackEscaped(slackMarkup(text));
    }

    /** Slack's control sequences the bot writes: links with a label, and mentions of a user. */
    private static final Pattern SLACK_CONTROL =
            Pattern.compile("<((?:https?://|/)[^|>\\s]+)\\|([^>\\n]+)>|<@[A-Z0-9]+>");

    private static String slackEscaped(String text) {
        StringBuilder out = new StringBuilder();
        Matcher control = SLACK_CONTROL.matcher(text);
        int from = 0;
        while (control.find()) {
            out.append(escapeSlack(text.substring(from, control.start())));
            out.append(
                    control.group(1) == null
                            ? control.group()
                            : "<" + control.group(1) + "|" + escapeSlack(control.group(2)) + ">");
            from = control.end();
        }
        return out.append(escapeSlack(text.substring(from))).toString();
    }

    private static String escapeSlack(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String slackMarkup(String text) {
        return outsideCode(text, t -> {
            String out = MARKDOWN_LINK
                    .matcher(t)
                    .replaceAll(m -> Matcher.quoteReplacement("<" + m.group(2) + "|" + m.group(1) + ">"));
            out = out.replaceAll("(?m)^([ \\t]*)[-*+][ \\t]+", "$1• ");
            out = out.replaceAll("(?m)^#{1,6}[ \\t]+(.+?)[ \\t]*#*$", "*$1*");
            out = out.replaceAll("\\*\\*([^*\\n]+)\\*\\*", "*$1*");
            out = out.replaceAll("(?<![\\w_])__([^_\\n]+)__(?![\\w_])", "*$1*");
            return out.replaceAll("~~([^~\\n]+)~~", "~$1~");
        });
    }

    /** Discord Markdown: *bold* -> **bold**, &lt;url|label&gt; -> [label](url); standard Markdown stays as it is. */
    public static String discord(String text) {
        return outsideCode(text, t -> {
            String out = t.replaceAll("(?<![*\\w])\\*([^*\\n]+)\\*(?![*\\w])", "**$1**");
            out = CHAT_LINK
                    .matcher(out)
                    .replaceAll(m -> Matcher.quoteReplacement("[" + m.group(2) + "](" + m.group(1) + ")"));
            return out.replaceAll("(?<![~\\w])~([^~\\n]+)~(?![~\\w])", "~~$1~~");
        });
    }

    /** Applies {@code change} to the text between code spans and blocks, which stay untouched. */
    static String outsideCode(String text, UnaryOperator<String> change) {
        StringBuilder out = new StringBuilder();
        Matcher code = CODE.matcher(text);
        int from = 0;
        while (code.find()) {
            out.append(change.apply(text.substring(from, code.start()))).append(code.group());
            from = code.end();
        }
        return out.append(change.apply(text.substring(from))).toString();
    }
}
