package org.mlrcopilot.bot.chat.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * Channels, messages, reactions and display names of the web chat, kept in a {@link Journal} and replayed at
 * start-up. Every method is synchronized (request threads and bot workers share it), and every change is handed
 * to {@code changes} inside the lock, so listeners see changes in the order they were made.
 */
final class ChatState implements AutoCloseable {

    static final ObjectMapper JSON = JsonMapper.builder()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .build();

    private final Set<String> channels = new LinkedHashSet<>(List.of("general", "research"));
    private final Map<String, WebMessage> messages = new LinkedHashMap<>();
    private final Map<String, String> names = new HashMap<>();
    private final Journal journal;
    private final BiConsumer<String, WebMessage> changes;
    private long lastId;

    /** Replays {@code journalFile}; {@code changes} gets ("message" or "reaction", the message) for every change. */
    ChatState(Path journalFile, BiConsumer<String, WebMessage> changes) {
        this.journal = new Journal(journalFile);
        this.changes = changes;
        List<JsonNode> entries = journal.entries();
        entries.forEach(this::replay);
        List<Map<String, Object>> snapshot = snapshot();
        if (entries.size() > 2 * snapshot.size() + COMPACT_SLACK) {
            journal.compact(snapshot);
        }
    }

    /** Entries a journal may carry beyond twice what its state needs before it is compacted at start-up. */
    static final int COMPACT_SLACK = 200;

    /** The state as journal entries: channels, then messages in order, then display names. */
    private List<Map<String, Object>> snapshot() {
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        channels.forEach(c -> out.add(Map.of("op", "channel", "name", c)));
        messages.values().forEach(m -> out.add(Map.of("op", "post", "message", m)));
        names.forEach((id, name) -> out.add(Map.of("op", "user", "id", id, "name", name)));
        return out;
    }

    private void replay(JsonNode e) {
        String op = e.path("op").asText(e.has("message") ? "update" : "channel");
        switch (op) {
            case "post", "update" -> remember(message(e.get("message")));
            case "react", "unreact" -> replayReaction(e, op.equals("react"));
            case "withdraw" -> messages.remove(e.path("id").asText());
            case "channel" ->
                channels.add(e.path(e.has("name") ? "name" : "channel").asText());
            case "user" -> names.put(e.path("id").asText(), e.path("name").asText());
            default -> {} // written by a newer version: ignore
        }
    }

    private void replayReaction(JsonNode e, boolean add) {
        WebMessage m = messages.get(e.path("id").asText());
        if (m != null) {
            messages.put(
                    m.id(), m.reacted(e.path("emoji").asText(), e.path("user").asText(), add));
        }
    }

    private static WebMessage message(JsonNode node) {
        try {
            return JSON.treeToValue(node, WebMessage.class);
        } catch (IOException e) {
            throw new UncheckedIOException("a web chat journal entry is not a message: " + node, e);
        }
    }

    private void remember(WebMessage m) {
        messages.put(m.id(), m);
        names.put(m.user(), m.userName());
        if (m.id().matches("m\\d{1,18}")) {
            lastId = Math.max(lastId, Long.parseLong(m.id().substring(1)));
        }
    }

    synchronized String nextId() {
        return "m" + (++lastId);
    }

    /** Stores a new message. Every change is written to the journal first: one that fails leaves memory as it was. */
    synchronized WebMessage post(WebMessage m) {
        journal.append(Map.of("op", "post", "message", m));
        remember(m);
        changes.accept("message", m);
        return m;
    }

    /** Replaces a message with {@code edit} of it; empty if there is no such message. */
    synchronized Optional<WebMessage> update(String id, UnaryOperator<WebMessage> edit) {
        WebMessage m = messages.get(id);
        if (m == null) {
            return Optional.empty();
        }
        WebMessage next = edit.apply(m);
        journal.append(Map.of("op", "update", "message", next));
        messages.put(id, next);
        changes.accept("message", next);
        return Optional.of(next);
    }

    /**
     * Takes back a message the bot could not take in (it saved nothing): gone from the journal's replay and from
     * every open page (a "withdrawn" change).
     */
    synchronized void withdraw(String id) {
        WebMessage m = messages.get(id);
        if (m == null) {
            return;
        }
        journal.append(Map.of("op", "withdraw", "id", id));
        messages.remove(id);
        changes.accept("withdrawn", m);
    }

    /** Adds or removes {@code user}'s reaction; empty if there is no such message or nothing changed. */
    synchronized Optional<WebMessage> react(String id, String emoji, String user, boolean add) {
        WebMessage m = messages.get(id);
        if (m == null || m.reactions().getOrDefault(emoji, Set.of()).contains(user) == add) {
            return Optional.empty();
        }
        WebMessage next = m.reacted(emoji, user, add);
        journal.append(Map.of("op", add ? "react" : "unreact", "id", id, "emoji", emoji, "user", user));
        messages.put(id, next);
        changes.accept("reaction", next);
        return Optional.of(next);
    }

    synchronized boolean addChannel(String name) {
        if (channels.contains(name)) {
            return false;
        }
        journal.append(Map.of("op", "channel", "name", name));
        channels.add(name);
        return true;
    }

    /** Remembers the display name {@code user} goes by now (for mentions). */
    synchronized void name(String user, String name) {
        if (!name.equals(names.get(user))) {
            journal.append(Map.of("op", "user", "id", user, "name", name));
            names.put(user, name);
        }
    }

    synchronized String nameOf(String user) {
        return names.getOrDefault(user, user);
    }

    synchronized List<String> channels() {
        return List.copyOf(channels);
    }

    synchronized boolean hasChannel(String name) {
        return channels.contains(name);
    }

    synchronized Optional<WebMessage> message(String id) {
        return Optional.ofNullable(messages.get(id));
    }

    /** Every message of {@code channel}, roots and replies, oldest first. */
    synchronized List<WebMessage> inChannel(String channel) {
        return messages.values().stream()
                .filter(m -> m.channel().equals(channel))
                .toList();
    }

    @Override
    public synchronized void close() {
        journal.close();
    }
}
