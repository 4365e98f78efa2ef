package org.mlrcopilot.bot.chat;

import java.util.List;
import java.util.Objects;

/**
 * Something a person did in a chat. Every event carries the platform's event id, which is what de-duplication
 * keys on, and the acting user's id and display name.
 */
public sealed interface Inbound {

    String platform();

    String eventId();

    String channel();

    String user();

    String userName();

    /**
     * A message in a channel or a thread.
     *
     * @param threadId the thread it was posted in, "" for a new message in the channel
     * @param mentionsBot whether it addresses the bot (a mention, or a direct message)
     * @param files       files posted with it
     */
    record MessagePosted(
            String platform,
            String eventId,
            String channel,
            String messageId,
            String threadId,
            String user,
            String userName,
            String text,
            boolean mentionsBot,
            List<InboundFile> files)
            implements Inbound {
        public MessagePosted {
            Check.ids(platform, eventId, channel, user);
            Check.id(messageId, "messageId");
            threadId = Objects.requireNonNullElse(threadId, "");
            userName = Objects.requireNonNullElse(userName, user);
            text = Objects.requireNonNullElse(text, "");
            files = List.copyOf(Objects.requireNonNullElse(files, List.of()));
        }

        /** A message without files. */
        public MessagePosted(
                String platform,
                String eventId,
                String channel,
                String messageId,
                String threadId,
                String user,
                String userName,
                String text,
                boolean mentionsBot) {
            this(platform, eventId, channel, messageId, threadId, user, userName, text, mentionsBot, List.of());
        }

        public MessageRef message() {
            return new MessageRef(channel, messageId, threadId);
        }
    }

    /** A reaction added ({@code added}) or removed on a message. */
    record ReactionChanged(
            String platform,
            String eventId,
            String channel,
            String messageId,
            String user,
            String userName,
            String emoji,
            boolean added)
            implements Inbound {
        public ReactionChanged {
            Check.ids(platform, eventId, channel, user);
            Check.id(messageId, "messageId");
            Check.id(emoji, "emoji");
            userName = Objects.requireNonNullElse(userName, user);
        }
    }

    /** A button pressed on a message the bot posted. */
    record ButtonPressed(
            String platform,
            String eventId,
            String channel,
            String messageId,
            String user,
            String userName,
            String action,
            String value)
            implements Inbound {
        public ButtonPressed {
            Check.ids(platform, eventId, channel, user);
            Check.id(messageId, "messageId");
            Check.id(action, "action");
            userName = Objects.requireNonNullElse(userName, user);
            value = Objects.requireNonNullElse(value, "");
        }
    }

    /** A command such as {@code /mlr status}: {@code name} "status", {@code args} the rest. */
    record Command(
            String platform, String eventId, String channel, String user, String userName, String name, String args)
            implements Inbound {
        public Command {
            Check.ids(platform, eventId, channel, user);
            Check.id(name, "name");
            userName = Objects.requireNonNullElse(userName, user);
            args = Objects.requireNonNullElse(args, "").strip();
        }
    }

    /** A person opened the bot's home (Slack's App Home tab); the handler answers with what to show them. */
    record HomeOpened(String platform, String eventId, String channel, String user, String userName)
            implements Inbound {
        public HomeOpened {
            Check.ids(platform, eventId, channel, user);
            userName = Objects.requireNonNullElse(userName, user);
        }
    }

    /** Field checks shared by the events. */
    final class Check {
        private Check() {}

        static void ids(String platform, String eventId, String channel, String user) {
            id(platform, "platform");
            id(eventId, "eventId");
            id(channel, "channel");
            id(user, "user");
        }

        static void id(String value, String name) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " is blank");
            }
        }
    }
}
