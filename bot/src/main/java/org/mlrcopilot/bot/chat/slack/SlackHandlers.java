package org.mlrcopilot.bot.chat.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.ReactionAddedEvent;
import com.slack.api.model.event.ReactionRemovedEvent;
import java.util.List;
import java.util.regex.Pattern;
import org.mlrcopilot.bot.chat.Inbound;
import org.mlrcopilot.bot.chat.InboundFile;
import org.mlrcopilot.bot.chat.InboundHandler;
import org.slf4j.LoggerFactory;

/**
 * Translates Slack's events, button clicks and the {@code /mlr} command to our inbound records. A mention that
 * also arrives as a channel message has one id, {@code (channel, ts)}, so it is handled once; the bot's own
 * messages are ignored. Every handler acknowledges at once: the work runs elsewhere.
 */
final class SlackHandlers {

    private static final Pattern ACTIONS = Pattern.compile("^[a-z_]{1,40}$");
    /** Tells one person something only they see (an ephemeral message), off the handler's thread. */
    interface Whisper {
        void tell(String channel, String user, String text);
    }

    private final App app;
    private final List<String> channels;
    private final Whisper whisper;
    private Home home = (user, text) -> {};
    private java.util.function.UnaryOperator<String> names = user -> user;

    /** Display names by user id: answers at once from a cache (the id until the name is known). */
    void names(java.util.function.UnaryOperator<String> lookup) {
        this.names = lookup;
    }

    /** Publishes a person's App Home view, off the handler's thread. */
    interface Home {
        void publish(String user, String text);
    }

    void home(Home publisher) {
        this.home = publisher;
    }

    SlackHandlers(App app, List<String> channels, Whisper whisper) {
        this.app = app;
        this.channels = List.copyOf(channels);
        this.whisper = whisper;
    }

    void register(InboundHandler handler) {
        app.event(AppMentionEvent.class, (payload, ctx) -> {
            AppMentionEvent e = payload.getEvent();
            tell(
                    e.getChannel(),
                    e.getUser(),
                    handler.handle(message(
                            e.getChannel(),
                            e.getTs(),
                            e.getThreadTs(),
                            e.getUser(),
                            names.apply(e.getUser()),
                            e.getText(),
                            true,
                            files(e.getFiles()))));
            return ctx.ack();
        });
        app.event(MessageEvent.class, (payload, ctx) -> {
            MessageEvent e = payload.getEvent();
            if (e.getBotId() == null
                    && e.getUser() != null
                    && (e.getThreadTs() != null || channels.contains(e.getChannel()))) {
                boolean mentioned = e.getText() != null
                        && ctx.getBotUserId() != null
                        && e.getText().contains("<@" + ctx.getBotUserId() + ">");
                tell(
                        e.getChannel(),
                        e.getUser(),
                        handler.handle(message(
                                e.getChannel(),
                                e.getTs(),
                                e.getThreadTs(),
                                e.getUser(),
                                names.apply(e.getUser()),
                                e.getText(),
                                mentioned)));
            }
            return ctx.ack();
        });
        app.event(com.slack.api.model.event.MessageFileShareEvent.class, (payload, ctx) -> {
            var e = payload.getEvent();
            boolean mentioned = e.getText() != null
                    && ctx.getBotUserId() != null
                    && e.getText().contains("<@" + ctx.getBotUserId() + ">");
            boolean ours = e.getThreadTs() != null || channels.contains(e.getChannel()) || mentioned;
            if (ours
                    && e.getUser() != null
                    && e.getFiles() != null
                    && !e.getFiles().isEmpty()) {
                tell(
                        e.getChannel(),
                        e.getUser(),
                        handler.handle(message(
                                e.getChannel(),
                                e.getTs(),
                                e.getThreadTs(),
                                e.getUser(),
                                names.apply(e.getUser()),
                                e.getText(),
                                mentioned,
                                files(e.getFiles()))));
            }
            return ctx.ack();
        });
        app.event(
                ReactionAddedEvent.class,
                (payload, ctx) -> reaction(
                        handler,
                        payload.getEventId(),
                        ctx,
                        payload.getEvent().getItem().getChannel(),
                        payload.getEvent().getItem().getTs(),
                        payload.getEvent().getUser(),
                        payload.getEvent().getReaction(),
                        true));
        app.event(
                ReactionRemovedEvent.class,
                (payload, ctx) -> reaction(
                        handler,
                        payload.getEventId(),
                        ctx,
                        payload.getEvent().getItem().getChannel(),
                        payload.getEvent().getItem().getTs(),
                        payload.getEvent().getUser(),
                        payload.getEvent().getReaction(),
                        false));
        app.event(com.slack.api.model.event.AppHomeOpenedEvent.class, (payload, ctx) -> {
            var e = payload.getEvent();
            if ("home".equals(e.getTab())) {
                home.publish(
                        e.getUser(),
                        handler.handle(new Inbound.HomeOpened(
                                "slack",
                                payload.getEventId(),
                                e.getChannel() == null ? "home" : e.getChannel(),
                                e.getUser(),
                                e.getUser())));
            }
            return ctx.ack();
        });
        app.blockAction(ACTIONS, (req, ctx) -> {
            var p = req.getPayload();
            var action = p.getActions().get(0);
            String notice = handler.handle(new Inbound.ButtonPressed(
                    "slack",
                    "action:" + action.getActionTs(),
                    p.getChannel().getId(),
                    p.getContainer().getMessageTs(),
                    p.getUser().getId(),
                    p.getUser().getUsername(),
                    action.getActionId(),
                    action.getValue()));
            if (!notice.isBlank() && ctx.getResponseUrl() != null) {
                try {
                    ctx.respond(r ->
                            r.responseType("ephemeral").replaceOriginal(false).text(notice));
                } catch (java.io.IOException | RuntimeException e) {
                    LoggerFactory.getLogger("mlr.slack").warn("cannot answer the button click: " + e.getMessage());
                }
            }
            return ctx.ack();
        });
        app.command("/mlr", (req, ctx) -> {
            var p = req.getPayload();
            String text = p.getText() == null ? "" : p.getText().strip();
            String name = text.isEmpty() ? "help" : text.split("\\s+", 2)[0];
            String args = text.contains(" ") ? text.substring(text.indexOf(' ') + 1) : "";
            String notice = handler.handle(new Inbound.Command(
                    "slack",
                    "command:" + p.getTriggerId(),
                    p.getChannelId(),
                    p.getUserId(),
                    p.getUserName(),
                    name,
                    args));
            return ctx.ack(notice.isBlank() ? "OK" : notice);
        });
    }

    private static Inbound.MessagePosted message(
            String channel, String ts, String threadTs, String user, String name, String text, boolean mentionsBot) {
        return message(channel, ts, threadTs, user, name, text, mentionsBot, List.of());
    }

    private static Inbound.MessagePosted message(
            String channel,
            String ts,
            String threadTs,
            String user,
            String name,
            String text,
            boolean mentionsBot,
            List<InboundFile> files) {
        return new Inbound.MessagePosted(
                "slack",
                "message:" + channel + ":" + ts,
                channel,
                ts,
                threadTs == null || threadTs.equals(ts) ? "" : threadTs,
                user,
                name,
                text,
                mentionsBot,
                files);
    }

    /** Shared files people can download (url_private_download, with the bot token). */
    private static List<InboundFile> files(List<com.slack.api.model.File> files) {
        return files == null
                ? List.of()
                : files.stream()
                        .filter(f -> f.getName() != null && f.getUrlPrivateDownload() != null)
                        .map(f -> new InboundFile(
                                f.getName(),
                                f.getMimetype(),
                                f.getSize() == null ? -1 : f.getSize(),
                                f.getUrlPrivateDownload()))
                        .toList();
    }

    private Response reaction(
            InboundHandler handler,
            String eventId,
            EventContext ctx,
            String channel,
            String ts,
            String user,
            String emoji,
            boolean added) {
        if (channel != null && ts != null) {
            tell(
                    channel,
                    user,
                    handler.handle(new Inbound.ReactionChanged(
                            "slack", eventId, channel, ts, user, names.apply(user), emoji, added)));
        }
        return ctx.ack();
    }

    private void tell(String channel, String user, String notice) {
        if (notice != null && !notice.isBlank() && user != null) {
            whisper.tell(channel, user, notice);
        }
    }
}
