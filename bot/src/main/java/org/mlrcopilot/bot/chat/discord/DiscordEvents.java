package org.mlrcopilot.bot.chat.discord;

import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.entities.emoji.Emoji;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.message.react.GenericMessageReactionEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionAddEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionRemoveEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.requests.CloseCode;
import org.mlrcopilot.bot.chat.Inbound;
import org.mlrcopilot.bot.chat.InboundFile;
import org.mlrcopilot.bot.chat.InboundHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translates Discord's gateway events (messages, reactions, button presses, the {@code /mlr} slash command) to
 * our inbound records. Events in a research's thread are given the thread's parent channel and the thread's id,
 * which is the id of the message it was started from. The bot's own messages and reactions are ignored; buttons
 * and commands are acknowledged at once (Discord allows three seconds), the work runs elsewhere.
 */
final class DiscordEvents extends ListenerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger("mlr.discord");
    private static final String P = "discord";

    private final DiscordPlatform platform;
    private final InboundHandler handler;
    /**
     * Reaction events carry no id: this run's start and a count make one (the gateway's sequence number starts
     * again after a reconnect; the gateway does not send an event twice within a run).
     */
    private final long session = System.currentTimeMillis();

    private final java.util.concurrent.atomic.AtomicLong reactions = new java.util.concurrent.atomic.AtomicLong();

    DiscordEvents(DiscordPlatform platform, InboundHandler handler) {
        this.platform = platform;
        this.handler = handler;
    }

    /** The {@code /mlr} command and its subcommands, as Discord shows them. */
    static SlashCommandData command() {
        return Commands.slash("mlr", "MLR-Copilot: research a paper, see status and budget")
                .addSubcommands(
                        new SubcommandData("paper", "Read a paper and propose hypotheses in a new thread")
                                .addOption(
                                        OptionType.STRING,
                                        "link",
                                        "arXiv, OpenReview, ACL Anthology or PDF link",
                                        true),
                        new SubcommandData("status", "Recent researches and running experiments"),
                        new SubcommandData("stop", "Stop an experiment run")
                                .addOption(OptionType.STRING, "run", "The run's id, e.g. run-1a2b3c", true),
                        new SubcommandData("budget", "Today's model spending against the daily budget"),
                        new SubcommandData(
                                "link", "A one-time code to link your Discord identity to your web chat account"),
                        new SubcommandData("help", "What the bot does and how to use it"));
    }

    @Override
    public void onReady(ReadyEvent event) {
        event.getJDA()
                .updateCommands()
                .addCommands(command())
                .queue(
                        ok -> LOG.info("discord: /mlr registered"),
                        e -> LOG.warn("discord: cannot register /mlr: " + e.getMessage()));
        platform.checkChannels();
    }

    @Override
    public void onShutdown(ShutdownEvent event) {
        if (event.getCloseCode() == CloseCode.DISALLOWED_INTENTS) {
            platform.contentRefused();
        }
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        if (!event.isFromGuild() || event.getAuthor().isBot() || event.isWebhookMessage()) {
            return;
        }
        Message message = event.getMessage();
        platform.rolesOf(event.getMember());
        String name = name(event.getMember(), event.getAuthor());
        Inbound.MessagePosted posted;
        if (event.isFromThread()) {
            ThreadChannel thread = event.getChannel().asThreadChannel();
            if (!(thread.getParentChannel() instanceof TextChannel)
                    || message.getIdLong() == thread.getIdLong()
                    || !platform.readsContent() && message.getContentRaw().isBlank()) {
                return; // forum posts, and thread messages the bot may not read, are not ours
            }
            posted = new Inbound.MessagePosted(
                    P,
                    "message:" + message.getId(),
                    thread.getParentChannel().getId(),
                    message.getId(),
                    thread.getId(),
                    event.getAuthor().getId(),
                    name,
                    message.getContentRaw(),
                    false,
                    files(message));
        } else {
            if (event.getChannelType() != ChannelType.TEXT) {
                return;
            }
            Message answered = message.getReferencedMessage();
            if (answered != null
                    && answered.getAuthor().getIdLong()
                            == event.getJDA().getSelfUser().getIdLong()) {
                // a reply to one of the bot's messages in the channel (where it may not open threads): feedback
                String notice = handler.handle(new Inbound.MessagePosted(
                        P,
                        "message:" + message.getId(),
                        event.getChannel().getId(),
                        message.getId(),
                        answered.getId(),
                        event.getAuthor().getId(),
                        name,
                        message.getContentRaw(),
                        false));
                if (!notice.isBlank()) {
                    platform.tell(event.getGuildChannel(), event.getAuthor().getId(), notice);
                }
                return;
            }
            boolean mentioned =
                    message.getMentions().isMentioned(event.getJDA().getSelfUser(), Message.MentionType.USER);
            boolean watched = platform.watched(event.getGuildChannel());
            if (!mentioned && !watched) {
                return;
            }
            posted = new Inbound.MessagePosted(
                    P,
                    "message:" + message.getId(),
                    event.getChannel().getId(),
                    message.getId(),
                    "",
                    event.getAuthor().getId(),
                    name,
                    message.getContentRaw(),
                    mentioned,
                    files(message));
        }
        String notice = handler.handle(posted);
        if (!notice.isBlank()) {
            platform.tell(event.getGuildChannel(), event.getAuthor().getId(), notice);
        }
    }

    @Override
    public void onMessageReactionAdd(MessageReactionAddEvent event) {
        platform.rolesOf(event.getMember());
        reaction(event, true);
    }

    @Override
    public void onMessageReactionRemove(MessageReactionRemoveEvent event) {
        reaction(event, false);
    }

    private void reaction(GenericMessageReactionEvent event, boolean added) {
        if (!event.isFromGuild()
                || event.getUserIdLong() == event.getJDA().getSelfUser().getIdLong()
                || event.getEmoji().getType() != Emoji.Type.UNICODE) {
            return;
        }
        String emoji = DiscordEmoji.canonical(event.getEmoji().asUnicode().getName());
        String channel = parentOf(event.getChannel());
        String name = event.getMember() != null
                ? event.getMember().getEffectiveName()
                : event.getUser() != null ? event.getUser().getEffectiveName() : event.getUserId();
        String notice = handler.handle(new Inbound.ReactionChanged(
                P,
                "reaction:" + session + ":" + reactions.incrementAndGet(),
                channel,
                event.getMessageId(),
                event.getUserId(),
                name,
                emoji,
                added));
        if (!notice.isBlank()) {
            platform.tell(event.getGuildChannel(), event.getUserId(), notice);
        }
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        Optional<DiscordMessages.Action> action = DiscordMessages.action(event.getComponentId());
        if (action.isEmpty() || !event.isFromGuild()) {
            event.reply("That button is not one of mine.").setEphemeral(true).queue();
            return;
        }
        platform.rolesOf(event.getMember());
        event.deferEdit().queue(); // acknowledged at once; a notice follows only to the person who pressed
        String notice;
        try {
            notice = handler.handle(new Inbound.ButtonPressed(
                    P,
                    "interaction:" + event.getId(),
                    parentOf(event.getChannel()),
                    event.getMessageId(),
                    event.getUser().getId(),
                    name(event.getMember(), event.getUser()),
                    action.get().action(),
                    action.get().value()));
        } catch (RuntimeException e) {
            LOG.warn("discord: button " + event.getComponentId() + " failed", e);
            notice = "That did not work: " + e.getMessage();
        }
        if (!notice.isBlank()) {
            event.getHook()
                    .sendMessage(DiscordMessages.clip(DiscordMessages.markdown(notice), DiscordMessages.CONTENT))
                    .setEphemeral(true)
                    .queue();
        }
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        if (!event.getName().equals("mlr")) {
            return;
        }
        if (!event.isFromGuild()) {
            event.reply("Use /mlr in a server channel the bot is in.")
                    .setEphemeral(true)
                    .queue();
            return;
        }
        MessageChannel channel = event.getChannel();
        if (!(channel instanceof TextChannel)
                && !(channel instanceof ThreadChannel t && t.getParentChannel() instanceof TextChannel)) {
            event.reply("Use /mlr in a text channel (or one of its threads): research threads live there.")
                    .setEphemeral(true)
                    .queue();
            return;
        }
        platform.rolesOf(event.getMember());
        event.deferReply(true).queue(); // acknowledged at once, answered only to the caller below
        String sub = event.getSubcommandName() == null ? "help" : event.getSubcommandName();
        String args = List.of("link", "run").stream()
                .map(event::getOption)
                .filter(o -> o != null)
                .map(OptionMapping::getAsString)
                .findFirst()
                .orElse("");
        String notice;
        try {
            notice = handler.handle(new Inbound.Command(
                    P,
                    "interaction:" + event.getId(),
                    parentOf(channel),
                    event.getUser().getId(),
                    name(event.getMember(), event.getUser()),
                    sub,
                    args));
        } catch (RuntimeException e) {
            LOG.warn("discord: /mlr " + sub + " failed", e);
            notice = "That did not work: " + e.getMessage();
        }
        event.getHook()
                .editOriginal(
                        notice.isBlank()
                                ? "OK"
                                : DiscordMessages.clip(DiscordMessages.markdown(notice), DiscordMessages.CONTENT))
                .queue();
    }

    /** A thread's parent channel (research threads are named by the parent and the root message), else itself. */
    private static String parentOf(MessageChannel channel) {
        if (channel instanceof ThreadChannel thread) {
            return thread.getParentChannel().getId();
        }
        return channel.getId();
    }

    private String name(Member member, User user) {
        String name = member != null ? member.getEffectiveName() : user.getEffectiveName();
        platform.seen(user.getId(), name);
        return name;
    }

    private static List<InboundFile> files(Message message) {
        return message.getAttachments().stream()
                .map(a -> new InboundFile(a.getFileName(), a.getContentType(), a.getSize(), a.getUrl()))
                .toList();
    }
}
