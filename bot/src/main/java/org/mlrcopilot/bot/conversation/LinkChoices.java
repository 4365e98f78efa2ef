package org.mlrcopilot.bot.conversation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.mlrcopilot.bot.chat.ChatPlatform;
import org.mlrcopilot.bot.chat.Inbound;
import org.mlrcopilot.bot.chat.MessageRef;
import org.mlrcopilot.bot.chat.OutboundMessage;
import org.mlrcopilot.bot.chat.OutboundMessage.Button;

/**
 * A message with several paper links: the bot asks which one to read (a button per link, and one for a research
 * per link), or starts one research per link at once when the message says so ("each", "all of them").
 */
final class LinkChoices {

    /** Words that ask for one research per link. */
    static final Pattern EACH = Pattern.compile("(?i)\\b(each|every one|all of (them|these|those)|both|"
            + "one (research )?(per|for each) (link|paper))\\b");

    static final String ACTION = "pick";
    static final String ALL = "all";
    private static final int MAX_OPEN = 500;
    private static final int MAX_BUTTONS = 5;
    private static final int LABEL = 70;

    /** How a research is started on one link: in the message's own thread, or as a new thread in its channel. */
    interface Starter {
        void inThread(Inbound.MessagePosted message, String link);

        void inNewThread(Inbound.MessagePosted message, String link, int of);
    }

    private record Choice(Inbound.MessagePosted message, List<String> links) {}

    private final Map<String, ChatPlatform> platforms;
    private final Outbox outbox;
    private final Starter starter;
    /** Open questions by the id of the message that asks; the oldest are forgotten past MAX_OPEN. */
    private final Map<String, Choice> open = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Choice> eldest) {
            return size() > MAX_OPEN;
        }
    });

    LinkChoices(Map<String, ChatPlatform> platforms, Outbox outbox, Starter starter) {
        this.platforms = platforms;
        this.outbox = outbox;
        this.starter = starter;
    }

    /** Several readable links in {@code m}: one research each when asked so, else the question. */
    void several(Inbound.MessagePosted m, List<String> links) {
        if (EACH.matcher(m.text()).find()) {
            each(m, links);
            return;
        }
        ChatPlatform platform = platforms.get(m.platform());
        List<Button> buttons = new ArrayList<>();
        for (int i = 0; i < links.size() && i < MAX_BUTTONS; i++) {
            buttons.add(
                    new Button(ACTION, Messages.clip(links.get(i), LABEL), String.valueOf(i), i == 0 ? "primary" : ""));
        }
        buttons.add(new Button(ACTION, "One research each (" + links.size() + ")", ALL, ""));
        StringBuilder text = new StringBuilder(
                "I found " + links.size() + " paper links in your message. " + "Which one should I read?");
        for (int i = 0; i < links.size(); i++) {
            text.append("\n").append(i + 1).append(". ").append(links.get(i));
        }
        text.append("\nPress one, or *One research each* to start a research per link.");
        outbox.send("message:" + m.messageId(), () -> {
            MessageRef asked = platform.post(
                    m.message().thread(),
                    new OutboundMessage("", text.toString(), List.of(), buttons, List.of(), "#f9a825"));
            open.put(key(m.platform(), asked.messageId()), new Choice(m, List.copyOf(links)));
        });
    }

    /** Whether {@code b} answers one of the questions. */
    static boolean answers(Inbound.ButtonPressed b) {
        return b.action().equals(ACTION);
    }

    /** The answer to a question: starts what was picked and says so in place of the question. */
    String pick(Inbound.ButtonPressed b) {
        Choice choice = open.remove(key(b.platform(), b.messageId()));
        if (choice == null) {
            return "This question is no longer open: post the link you want me to read again.";
        }
        ChatPlatform platform = platforms.get(b.platform());
        List<String> picked = b.value().equals(ALL)
                ? choice.links()
                : List.of(choice.links()
                        .get(Math.min(index(b.value()), choice.links().size() - 1)));
        String done = picked.size() == 1
                ? "Reading " + picked.get(0) + " (picked by " + b.userName() + ")"
                : "Starting one research per link (" + picked.size() + ", picked by " + b.userName() + ")";
        outbox.send(
                "message:" + choice.message().messageId(),
                () -> platform.update(
                        new MessageRef(
                                b.channel(), b.messageId(), choice.message().messageId()),
                        OutboundMessage.text(done)));
        if (picked.size() == 1) {
            starter.inThread(choice.message(), picked.get(0));
        } else {
            each(choice.message(), picked);
        }
        return done;
    }

    private void each(Inbound.MessagePosted m, List<String> links) {
        starter.inThread(m, links.get(0));
        for (int i = 1; i < links.size(); i++) {
            starter.inNewThread(m, links.get(i), links.size());
        }
    }

    private static int index(String value) {
        try {
            return Math.max(0, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String key(String platform, String messageId) {
        return platform + "\n" + messageId;
    }
}
