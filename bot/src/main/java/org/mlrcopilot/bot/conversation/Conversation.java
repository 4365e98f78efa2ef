package org.mlrcopilot.bot.conversation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.mlrcopilot.agents.paper.link.PaperLink;
import org.mlrcopilot.agents.paper.link.PaperLinks;
import org.mlrcopilot.agents.paper.link.UnsupportedLinkException;
import org.mlrcopilot.agents.research.Research;
import org.mlrcopilot.agents.research.ResearchEvents;
import org.mlrcopilot.agents.research.ResearchRefusedException;
import org.mlrcopilot.agents.research.ResearchService;
import org.mlrcopilot.agents.research.ResearchStore;
import org.mlrcopilot.bot.chat.ChatPlatform;
import org.mlrcopilot.bot.chat.Emoji;
import org.mlrcopilot.bot.chat.Inbound;
import org.mlrcopilot.bot.chat.InboundFile;
import org.mlrcopilot.bot.chat.InboundHandler;
import org.mlrcopilot.bot.chat.OutboundMessage;
import org.mlrcopilot.bot.chat.ThreadRef;
import org.mlrcopilot.bot.metrics.ServiceMetrics;

/**
 * The conversation rules, the same for every platform: a paper link starts a research in its own thread, replies
 * are feedback, reactions are votes / approvals / regenerate, buttons act on hypotheses and runs. Inbound events
 * are de-duplicated by event id, recorded and answered at once; the work goes to the service's pools and the chat
 * calls to the outbox.
 */
public final class Conversation implements InboundHandler, AutoCloseable {

    private final ConversationStores stores;
    private final ResearchStore store;
    private final ThreadLinks links;
    private final ServiceMetrics metrics;
    private final Map<String, ChatPlatform> platforms = new ConcurrentHashMap<>();
    private final Outbox outbox;
    private final ThreadPoster poster;
    private final Replies replies;
    private final LinkChoices choices;
    private final Authority authority;
    private final ResearchService service;
    private final Commands commands;
    private final long fileLimit;

    /**
     * How the conversation behaves beyond the service's own settings.
     *
     * @param perDayUsd      the daily budget {@code /mlr budget} reports against
     * @param maxPaperBytes  the largest PDF a person may post as a paper ({@code fetch.maxBytes})
     * @param statusInterval how often a research's status message is edited at most
     * @param people         the people behind chat identities (linked web accounts and their roles)
     * @param audit          where approvals, refusals and stops are recorded
     */
    public record Settings(
            double perDayUsd,
            long maxPaperBytes,
            Duration statusInterval,
            People people,
            org.mlrcopilot.bot.auth.AuditLog audit) {

        public Settings {
            java.util.Objects.requireNonNull(statusInterval, "statusInterval");
            java.util.Objects.requireNonNull(people, "people");
            java.util.Objects.requireNonNull(audit, "audit");
        }

        /** Without linked accounts or an audit log. */
        public static Settings of(double perDayUsd, long maxPaperBytes, Duration statusInterval) {
            return new Settings(
                    perDayUsd, maxPaperBytes, statusInterval, People.none(), org.mlrcopilot.bot.auth.AuditLog.none());
        }
    }

    /**
     * A conversation and the service it speaks for, built in order: what the service reports to (the thread
     * poster) first, then the service from {@code service}, then the rules that act on it.
     */
    public Conversation(
            ConversationStores stores,
            ServiceMetrics metrics,
            Settings settings,
            java.util.function.Function<ResearchEvents, ResearchService> service) {
        this.stores = stores;
        this.store = stores.researches();
        this.links = stores.links();
        this.metrics = metrics;
        this.fileLimit = settings.maxPaperBytes();
        this.outbox = new Outbox(4, settings.statusInterval());
        this.poster = new ThreadPoster(platforms, stores, outbox, metrics);
        this.service = java.util.Objects.requireNonNull(service.apply(poster), "service");
        this.authority = new Authority(() -> this.service.settings().approvers(), platforms, settings.people());
        this.replies = new Replies(stores, outbox, authority, platforms, settings.audit());
        this.commands = new Commands(this.service, stores, this::team, settings.perDayUsd(), replies, authority);
        this.choices = new LinkChoices(platforms, outbox, new LinkChoices.Starter() {
            @Override
            public void inThread(Inbound.MessagePosted message, String link) {
                start(message, PaperLinks.parse(link));
            }

            @Override
            public void inNewThread(Inbound.MessagePosted message, String link, int of) {
                startInNewThread(message, PaperLinks.parse(link), of);
            }
        });
    }

    /** The service this conversation speaks for. */
    public ResearchService service() {
        return service;
    }

    /** Registers a platform and starts its inbound events. */
    public void add(ChatPlatform platform) {
        WatchedPlatform watched = new WatchedPlatform(platform);
        platforms.put(platform.name(), watched);
        watched.start(this);
    }

    /** The platforms whose latest write failed, by name, with the reason (for the health check). */
    public Map<String, String> failingPlatforms() {
        Map<String, String> failing = new java.util.TreeMap<>();
        platforms.forEach((name, p) -> {
            if (p instanceof WatchedPlatform w) {
                w.problem().ifPresent(problem -> failing.put(name, problem));
            }
        });
        return failing;
    }

    @Override
    public String handle(Inbound event) {
        long started = System.nanoTime();
        String type = event.getClass().getSimpleName();
        try {
            if (!links.firstTime(event.platform() + ":" + event.eventId())) {
                metrics.event(event.platform(), type, true);
                // a retry of an event whose first answer was "not saved" is acknowledged only once it is durable
                store.sync();
                return "";
            }
            metrics.event(event.platform(), type, false);
            String notice = route(event);
            store.sync();
            return notice;
        } catch (ResearchRefusedException | UnsupportedLinkException e) {
            return e.getMessage();
        } finally {
            metrics.acknowledged(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private String route(Inbound event) {
        if (event instanceof Inbound.MessagePosted m) {
            return message(m);
        }
        if (event instanceof Inbound.ReactionChanged r) {
            return replies.reaction(service, r);
        }
        if (event instanceof Inbound.ButtonPressed b) {
            return LinkChoices.answers(b) ? choices.pick(b) : replies.button(service, b);
        }
        if (event instanceof Inbound.HomeOpened home) {
            return commands.home(home.platform(), home.user());
        }
        Inbound.Command c = (Inbound.Command) event;
        if (c.name().equals("paper")) {
            return paperCommand(c);
        }
        return commands.run(c);
    }

    private String message(Inbound.MessagePosted m) {
        boolean reply = !m.threadId().isBlank() && !m.threadId().equals(m.messageId());
        if (reply) {
            Optional<String> research = links.researchOfThread(m.platform(), m.channel(), m.threadId())
                    .or(() -> links.message(m.platform(), m.channel(), m.threadId())
                            .map(MessageLink::researchId));
            if (research.isPresent() && !m.files().isEmpty()) {
                outbox.send(research.get(), () -> {
                    List<InboundFile> data =
                            m.files().stream().filter(f -> !isText(f)).toList();
                    if (!data.isEmpty()) {
                        keepFiles(research.get(), withFiles(m, data));
                    }
                    String text = withTextFiles(m);
                    if (!text.isBlank()) {
                        replies.threadReply(service, research.get(), withText(m, text));
                    }
                });
                return "";
            }
            return research.map(id -> replies.threadReply(service, id, m)).orElse("");
        }
        Optional<InboundFile> pdf =
                m.files().stream().filter(Conversation::isPdf).findFirst();
        if (pdf.isPresent()) {
            outbox.send("upload:" + m.messageId(), () -> startFromFile(m, pdf.get()));
            return "";
        }
        ChatLinks.Found found = ChatLinks.in(m.text());
        if (found.link() != null && (m.mentionsBot() || found.link().plainlyPaper())) {
            if (found.links().size() > 1) {
                choices.several(
                        m, found.links().stream().map(PaperLink::original).toList());
            } else {
                start(m, found.link());
            }
        } else if (m.mentionsBot() && found.any()) {
            answer(m, "I can't read " + String.join(", ", found.unreadable()) + ". " + PaperLinks.SUPPORTED);
        } else if (m.mentionsBot() && m.text().toLowerCase().matches("(?s).*(\\bhelp\\b|@mlr\\b).*")) {
            answer(m, Commands.HELP);
        }
        return "";
    }

    /** Fetches the files posted in a research's thread and keeps them for its experiments; says what it kept. */
    private void keepFiles(String researchId, Inbound.MessagePosted m) {
        ChatPlatform platform = platforms.get(m.platform());
        List<String> kept = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (InboundFile file : m.files()) {
            try {
                long max = service.settings().maxFileBytes();
                if (file.size() > max) {
                    throw new ResearchRefusedException(
                            "larger than " + max / 1_000_000 + " MB " + "(experiment.maxDatasetBytes)");
                }
                kept.add(service.attach(researchId, file.name(), platform.download(file, max)));
            } catch (RuntimeException e) {
                failed.add(file.name() + " ("
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
            }
        }
        String text = (kept.isEmpty()
                        ? ""
                        : "📎 Kept " + String.join(", ", kept) + " for this research's "
                                + "experiments: data files become datasets of the next set-up.")
                + (failed.isEmpty()
                        ? ""
                        : (kept.isEmpty() ? "" : "\n") + "⚠️ Could not keep " + String.join(", ", failed));
        platform.post(m.message().thread(), OutboundMessage.text(text));
    }

    /** The most a text file sent in place of a long reply may hold. */
    static final long MAX_TEXT_FILE = 256 * 1024;

    /** A reply too long for one message, sent as a text file (.txt, .md): read as the reply's text. */
    private static boolean isText(InboundFile f) {
        String name = f.name().toLowerCase(java.util.Locale.ROOT);
        return (name.endsWith(".txt") || name.endsWith(".md")) && f.size() <= MAX_TEXT_FILE;
    }

    /** The reply's text followed by the text files sent with it (what cannot be read is said in their place). */
    private String withTextFiles(Inbound.MessagePosted m) {
        StringBuilder text = new StringBuilder(m.text());
        ChatPlatform platform = platforms.get(m.platform());
        for (InboundFile f : m.files().stream().filter(Conversation::isText).toList()) {
            String content;
            try {
                content = new String(platform.download(f, MAX_TEXT_FILE), java.nio.charset.StandardCharsets.UTF_8);
            } catch (RuntimeException e) {
                content = "(" + f.name() + " could not be read: " + e.getMessage() + ")";
            }
            text.append(text.isEmpty() ? "" : "\n\n").append(content.strip());
        }
        return text.toString();
    }

    private static Inbound.MessagePosted withFiles(Inbound.MessagePosted m, List<InboundFile> files) {
        return new Inbound.MessagePosted(
                m.platform(),
                m.eventId(),
                m.channel(),
                m.messageId(),
                m.threadId(),
                m.user(),
                m.userName(),
                m.text(),
                m.mentionsBot(),
                files);
    }

    private static Inbound.MessagePosted withText(Inbound.MessagePosted m, String text) {
        return new Inbound.MessagePosted(
                m.platform(),
                m.eventId(),
                m.channel(),
                m.messageId(),
                m.threadId(),
                m.user(),
                m.userName(),
                text,
                m.mentionsBot(),
                m.files());
    }

    private static boolean isPdf(InboundFile f) {
        return f.name().toLowerCase(java.util.Locale.ROOT).endsWith(".pdf")
                || f.contentType().equals("application/pdf");
    }

    /** A PDF posted as a file starts a research on it; what goes wrong is said in the message's thread. */
    private void startFromFile(Inbound.MessagePosted m, InboundFile file) {
        ChatPlatform platform = platforms.get(m.platform());
        try {
            if (file.size() > fileLimit) {
                throw new ResearchRefusedException(
                        file.name() + " is larger than " + fileLimit / 1_000_000 + " MB (fetch.maxBytes)");
            }
            byte[] bytes = platform.download(file, fileLimit);
            started(
                    m,
                    service.openUpload(
                            file.name(), bytes, fileLimit, m.user(), team(m.platform(), m.channel()), m.platform()));
        } catch (RuntimeException e) {
            platform.post(
                    m.message().thread(),
                    OutboundMessage.text("⚠️ I could not read " + file.name() + ": "
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                            + "\n*Next:* post a PDF of the paper, or a link to it"));
        }
    }

    private void start(Inbound.MessagePosted m, PaperLink link) {
        try {
            started(m, service.open(link, m.user(), team(m.platform(), m.channel()), m.platform()));
        } catch (ResearchRefusedException e) {
            answer(m, "⚠️ " + e.getMessage());
        }
    }

    /** A research on {@code link} in a thread of its own, started from {@code m} (one of several links in it). */
    private void startInNewThread(Inbound.MessagePosted m, PaperLink link, int of) {
        try {
            startInNewThread(m.platform(), m.channel(), m.user(), link, " (one of " + of + " links in their message)");
        } catch (ResearchRefusedException e) {
            answer(m, "⚠️ " + link.original() + ": " + e.getMessage());
        }
    }

    /** A research on {@code link} in a new thread of {@code channel}, under a message the bot posts saying who asked. */
    private Research startInNewThread(String platformName, String channel, String user, PaperLink link, String note) {
        Research r = service.open(link, user, team(platformName, channel), platformName);
        ChatPlatform platform = platforms.get(platformName);
        outbox.send(r.id(), () -> {
            var root = platform.post(
                    new ThreadRef(channel, ""),
                    OutboundMessage.text(platform.mention(user) + " asked me to research " + link.original() + note));
            links.link(new MessageLink(
                    platformName, root.channel(), root.messageId(), root.threadId(), r.id(), MessageRole.ROOT));
        });
        poster.status(r);
        service.start(r.id());
        return r;
    }

    private void started(Inbound.MessagePosted m, Research r) {
        links.link(new MessageLink(m.platform(), m.channel(), m.messageId(), m.messageId(), r.id(), MessageRole.ROOT));
        ChatPlatform platform = platforms.get(m.platform());
        outbox.send(r.id(), () -> platform.react(m.message(), Emoji.EYES));
        poster.status(r);
        service.start(r.id());
    }

    private String paperCommand(Inbound.Command c) {
        ChatLinks.Found found = ChatLinks.in(c.args());
        if (found.link() == null) {
            return "Usage: /mlr paper <link>. " + PaperLinks.SUPPORTED;
        }
        Research r = startInNewThread(c.platform(), c.channel(), c.user(), found.link(), "");
        return "Starting research " + r.id() + " on " + found.link().original();
    }

    private void answer(Inbound.MessagePosted m, String text) {
        ChatPlatform platform = platforms.get(m.platform());
        outbox.send("message:" + m.messageId(), () -> platform.post(m.message().thread(), OutboundMessage.text(text)));
    }

    /** Completes when every chat call queued so far for the research was made. */
    public CompletableFuture<Void> idle(String researchId) {
        return outbox.idle(researchId);
    }

    @Override
    public void close() {
        outbox.close();
        platforms.values().forEach(ChatPlatform::stop);
    }

    /** The name {@code user} goes by on {@code platform}, the id itself when it is not known. */
    public String displayName(String platform, String user) {
        ChatPlatform p = platforms.get(platform);
        return p == null ? user : p.displayName(user).filter(n -> !n.isBlank()).orElse(user);
    }

    /** The team of a channel ({@link ChatPlatform#team}): recorded with the research, charged for its model use. */
    private String team(String platformName, String channel) {
        ChatPlatform platform = platforms.get(platformName);
        return platform == null ? platformName : platform.team(channel);
    }
}
