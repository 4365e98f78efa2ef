package org.mlrcopilot.bot.chat.discord;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.mlrcopilot.bot.chat.MessageRef;
import org.mlrcopilot.bot.chat.OutboundMessage;
import org.mlrcopilot.bot.chat.ThreadRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a research's messages go: its thread, created from the root message the first time (a Discord thread started
 * from a message has the message's id), opened again when Discord archived it, or the channel itself when the bot may
 * not create threads there (said once).
 */
final class DiscordThreads {

    private static final Logger LOG = LoggerFactory.getLogger("mlr.discord");

    private final Supplier<JDA> jda;
    private final DiscordNotices notices;
    /** Research threads that could not be opened: their messages live in the channel. */
    private final Set<String> inChannel = ConcurrentHashMap.newKeySet();

    DiscordThreads(Supplier<JDA> jda, DiscordNotices notices) {
        this.jda = jda;
        this.notices = notices;
    }

    /** The thread's channel: the thread (created from the root message the first time), else the channel. */
    GuildMessageChannel where(ThreadRef thread, OutboundMessage message) {
        TextChannel parent = parent(thread.channel());
        if (thread.threadId().isBlank()) {
            return parent;
        }
        ThreadChannel existing = jda.get().getThreadChannelById(thread.threadId());
        if (existing != null) {
            return open(existing);
        }
        if (inChannel.contains(thread.threadId())) {
            return parent;
        }
        String research = message.metadata().getOrDefault("research", "");
        String name = DiscordMessages.clip("Research " + research, 100).strip();
        try {
            return parent.createThreadChannel(name, thread.threadId())
                    .setAutoArchiveDuration(ThreadChannel.AutoArchiveDuration.TIME_1_WEEK)
                    .complete();
        } catch (InsufficientPermissionException e) {
            return answerInChannel(
                    parent,
                    thread.threadId(),
                    e.getPermission(),
                    "missing permission " + e.getPermission().getName());
        } catch (ErrorResponseException e) {
            if (e.getErrorResponse() == ErrorResponse.THREAD_WITH_THIS_MESSAGE_ALREADY_EXISTS) {
                return archived(parent, thread.threadId())
                        .orElseThrow(() -> new DiscordPlatform.DiscordCallException(
                                "the research's thread " + thread.threadId() + " exists but the bot cannot find it"));
            }
            if (e.getErrorResponse() != ErrorResponse.MISSING_PERMISSIONS
                    && e.getErrorResponse() != ErrorResponse.MISSING_ACCESS) {
                throw new DiscordPlatform.DiscordCallException(
                        "cannot create the research's thread: " + e.getMeaning());
            }
            return answerInChannel(
                    parent, thread.threadId(), Permission.CREATE_PUBLIC_THREADS, "Discord says: " + e.getMeaning());
        }
    }

    /** The research's thread cannot be opened: its messages go to the channel from now on, said once. */
    private TextChannel answerInChannel(TextChannel parent, String threadId, Permission missing, String why) {
        inChannel.add(threadId);
        notices.problem(
                parent,
                List.of("permission:" + missing.getName()),
                "I cannot create threads in #"
                        + parent.getName() + " (" + why + "), so I answer in the channel. A server admin can grant "
                        + "Create Public Threads to my role.");
        return parent;
    }

    void rename(ThreadChannel thread, String title) {
        try {
            thread.getManager()
                    .setName(DiscordMessages.clip(title.strip(), 100))
                    .complete();
        } catch (RuntimeException e) {
            LOG.warn("cannot rename thread " + thread.getId() + ": " + e.getMessage());
        }
    }

    /** Where a message lives: the root message in the channel, the others in the thread (if there is one). */
    GuildMessageChannel channelOf(MessageRef message) {
        TextChannel parent = parent(message.channel());
        if (!message.messageId().equals(message.threadId())) {
            ThreadChannel thread = jda.get().getThreadChannelById(message.threadId());
            if (thread != null) {
                return open(thread);
            }
            if (inChannel.contains(message.threadId())) {
                return parent;
            }
            Optional<ThreadChannel> archived = archived(parent, message.threadId());
            if (archived.isPresent()) {
                return archived.get();
            }
            inChannel.add(message.threadId()); // no such thread: the research lives in the channel
        }
        return parent;
    }

    /**
     * A research thread Discord archived while nobody wrote in it (it is then no longer among the threads the
     * gateway announces): found in the channel's archived threads and opened again.
     */
    private Optional<ThreadChannel> archived(TextChannel parent, String threadId) {
        try {
            return parent.retrieveArchivedPublicThreadChannels().stream()
                    .limit(500)
                    .filter(t -> t.getId().equals(threadId))
                    .findFirst()
                    .map(this::open);
        } catch (RuntimeException e) {
            LOG.warn("cannot look for archived thread " + threadId + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Un-archives a thread so its messages can be edited again (Discord refuses edits in archived threads). */
    private ThreadChannel open(ThreadChannel thread) {
        if (thread.isArchived() && !thread.isLocked()) {
            thread.getManager().setArchived(false).complete();
        }
        return thread;
    }

    private TextChannel parent(String channelId) {
        JDA current = jda.get();
        TextChannel channel = current == null ? null : current.getTextChannelById(channelId);
        if (channel == null) {
            throw new DiscordPlatform.DiscordCallException("channel " + channelId + " is not one the bot can see");
        }
        return channel;
    }
}
