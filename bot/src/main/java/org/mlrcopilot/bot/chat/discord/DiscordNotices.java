package org.mlrcopilot.bot.chat.discord;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the bot says outside a research's thread, off the event thread: a problem said once (in the log, and in the
 * channel when the bot may write there), and a word for one person only (a direct message, or a mention in the
 * thread when their DMs are closed).
 */
final class DiscordNotices {

    private static final Logger LOG = LoggerFactory.getLogger("mlr.discord");

    private final Supplier<JDA> jda;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private final ExecutorService side = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mlr-discord-notices");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean stopped;

    DiscordNotices(Supplier<JDA> jda) {
        this.jda = jda;
    }

    /**
     * Says a problem once. {@code keys} name what is wrong (e.g. a missing permission); a problem whose keys were all
     * said before is not said again.
     */
    void problem(GuildMessageChannel channel, List<String> keys, String text) {
        boolean fresh = false;
        for (String key : keys) {
            fresh |= reported.add(channel.getId() + ":" + key);
        }
        if (!fresh) {
            return;
        }
        LOG.warn("discord: " + text);
        later(() -> {
            try {
                if (channel.canTalk()) {
                    channel.sendMessage("⚠️ " + text).complete();
                }
            } catch (RuntimeException e) {
                LOG.warn("cannot tell #" + channel.getName() + " about it: " + e.getMessage());
            }
        });
    }

    /** Tells one person something only they should see (a direct message; in the thread if DMs are closed). */
    void tell(GuildMessageChannel where, String userId, String text) {
        later(() -> {
            try {
                jda.get()
                        .openPrivateChannelById(userId)
                        .flatMap(dm -> dm.sendMessage(text))
                        .complete();
            } catch (RuntimeException e) {
                try {
                    where.sendMessage("<@" + userId + "> " + text)
                            .setAllowedMentions(EnumSet.of(Message.MentionType.USER))
                            .complete();
                } catch (RuntimeException again) {
                    LOG.warn("cannot tell " + userId + ": " + again.getMessage());
                }
            }
        });
    }

    /** Runs a side call off the event thread, unless stopped. */
    void later(Runnable call) {
        try {
            if (!stopped) {
                side.execute(call);
            }
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("discord: stopped, a notice is not sent");
        }
    }

    boolean stopped() {
        return stopped;
    }

    void stop() {
        stopped = true;
        side.shutdownNow();
    }
}
