package org.mlrcopilot.bot.chat.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;

/**
 * The channels the bot watches (where a paper link starts a research without a mention), checked for the permissions
 * it needs; what is missing is said once.
 */
final class DiscordChannels {

    /** What the bot needs in a watched channel, and why (said when it is missing). */
    static final Map<Permission, String> NEEDED = needed();

    private final List<String> watched;
    private final DiscordNotices notices;

    /** @param watched channel names (with or without #) or ids */
    DiscordChannels(List<String> watched, DiscordNotices notices) {
        this.watched = List.copyOf(watched);
        this.notices = notices;
    }

    boolean watched(GuildMessageChannel channel) {
        return watched.stream()
                .map(c -> c.startsWith("#") ? c.substring(1) : c)
                .anyMatch(c -> c.equals(channel.getId()) || c.equalsIgnoreCase(channel.getName()));
    }

    /** The watched channels the bot can see, checked for the permissions it needs and for reading messages. */
    void check(JDA jda, boolean readsContent) {
        for (TextChannel channel : jda.getTextChannels()) {
            if (!watched(channel)) {
                continue;
            }
            Member self = channel.getGuild().getSelfMember();
            List<String> missing = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            NEEDED.forEach((permission, why) -> {
                if (!self.hasPermission(channel, permission)) {
                    missing.add(permission.getName() + " (" + why + ")");
                    keys.add("permission:" + permission.getName());
                }
            });
            if (!missing.isEmpty()) {
                notices.problem(
                        channel,
                        keys,
                        "I am missing permissions in #" + channel.getName() + ": "
                                + String.join(", ", missing)
                                + ". A server admin can grant them to my role in the channel's "
                                + "settings.");
            }
            if (!readsContent) {
                notices.problem(
                        channel,
                        List.of("content"),
                        "I cannot read messages here: Discord has not granted "
                                + "me the Message Content intent. Mention me with the link (@"
                                + jda.getSelfUser().getName()
                                + " <link>), or ask the bot's owner to enable \"Message Content Intent\" in the Developer "
                                + "Portal.");
            }
        }
    }

    private static Map<Permission, String> needed() {
        Map<Permission, String> m = new java.util.LinkedHashMap<>();
        m.put(Permission.VIEW_CHANNEL, "to see the channel");
        m.put(Permission.MESSAGE_SEND, "to answer");
        m.put(Permission.CREATE_PUBLIC_THREADS, "to open a thread per paper");
        m.put(Permission.MESSAGE_SEND_IN_THREADS, "to post in the threads");
        m.put(Permission.MESSAGE_EMBED_LINKS, "for hypotheses and results");
        m.put(Permission.MESSAGE_ATTACH_FILES, "for plots and logs");
        m.put(Permission.MESSAGE_ADD_REACTION, "to mark a paper as seen");
        m.put(Permission.MESSAGE_HISTORY, "to read the thread");
        return java.util.Collections.unmodifiableMap(m);
    }
}
