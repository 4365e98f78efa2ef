package org.mlrcopilot.bot.chat.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mlrcopilot.bot.chat.OutboundMessage;

/**
 * A message of the web chat as the browser gets it.
 *
 * @param threadId  its own id for a root message, the root's id for a reply
 * @param reactions canonical emoji name to the ids of the users who reacted
 * @param ts        epoch milliseconds of posting
 * @param version   1 when posted, one more at every change (an edit, a reaction, files): a browser keeps the
 *                  highest version it has seen, so an older answer arriving late never undoes a newer event
 */
record WebMessage(
        String id,
        String channel,
        String threadId,
        String user,
        String userName,
        boolean bot,
        String title,
        String text,
        List<OutboundMessage.Field> fields,
        List<OutboundMessage.Button> buttons,
        List<File> attachments,
        String color,
        Map<String, Set<String>> reactions,
        long ts,
        boolean edited,
        long version) {

    /** An attachment, served under {@code url}. */
    record File(String name, String contentType, String url) {}

    WebMessage {
        fields = List.copyOf(fields);
        buttons = List.copyOf(buttons);
        attachments = List.copyOf(attachments);
        TreeMap<String, Set<String>> copy = new TreeMap<>();
        reactions.forEach((emoji, users) -> {
            if (!users.isEmpty()) {
                copy.put(emoji, new TreeSet<>(users));
            }
        });
        reactions = copy;
    }

    /** A person's message: text only, no reactions yet. */
    static WebMessage from(
            String id, String channel, String threadId, String user, String userName, String text, long ts) {
        return new WebMessage(
                id, channel, threadId, user, userName, false, "", text, List.of(), List.of(), List.of(), "", Map.of(),
                ts, false, 1);
    }

    WebMessage withFiles(List<File> files) {
        return new WebMessage(
                id,
                channel,
                threadId,
                user,
                userName,
                bot,
                title,
                text,
                fields,
                buttons,
                files,
                color,
                reactions,
                ts,
                edited,
                version + 1);
    }

    WebMessage edited(OutboundMessage m, List<File> files) {
        return new WebMessage(
                id,
                channel,
                threadId,
                user,
                userName,
                bot,
                m.title(),
                m.text(),
                m.fields(),
                m.buttons(),
                files,
                m.color(),
                reactions,
                ts,
                true,
                version + 1);
    }

    WebMessage reacted(String emoji, String who, boolean add) {
        TreeMap<String, Set<String>> next = new TreeMap<>();
        reactions.forEach((e, users) -> next.put(e, new TreeSet<>(users)));
        Set<String> users = next.computeIfAbsent(emoji, e -> new TreeSet<>());
        if (add) {
            users.add(who);
        } else {
            users.remove(who);
        }
        return new WebMessage(
                id,
                channel,
                threadId,
                user,
                userName,
                bot,
                title,
                text,
                fields,
                buttons,
                attachments,
                color,
                next,
                ts,
                edited,
                version + 1);
    }
}
