package org.mlrcopilot.bot.chat.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Channels and messages of the web chat, durable as an append-only JSON-lines journal replayed at start-up (a
 * message's latest line wins). All methods are synchronized: request threads and bot workers share it.
 */
final class ChatState implements AutoCloseable {

    static final ObjectMapper JSON = JsonMapper.builder()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false).build();

    private final Set<String> channels = new LinkedHashSet<>(List.of("general", "research"));
    private final Map<String, WebMessage> messages = new LinkedHashMap<>();
    private final Map<String, String> names = new LinkedHashMap<>();
    private final BufferedWriter journal;
    private long lastId;

    ChatState(Path journalFile) {
        try {
            Files.createDirectories(journalFile.getParent());
            if (Files.exists(journalFile)) {
                replay(Files.readAllLines(journalFile, StandardCharsets.UTF_8));
            }
            this.journal = Files.newBufferedWriter(journalFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the web chat journal " + journalFile, e);
        }
    }

    private void replay(List<String> lines) throws IOException {
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode entry;
            try {
                entry = JSON.readTree(line);
            } catch (IOException e) {
                continue; // a line cut short by a crash
            }
            if (entry.has("channel") && !entry.has("message")) {
                channels.add(entry.get("channel").asText());
            } else if (entry.has("message")) {
                remember(JSON.treeToValue(entry.get("message"), WebMessage.class));
            }
        }
    }

    private void remember(WebMessage m) {
        messages.put(m.id(), m);
        names.put(m.user(), m.userName());
        lastId = Math.max(lastId, Long.parseLong(m.id().substring(1)));
    }

    synchronized String nextId() {
        return "m" + (++lastId);
    }

    synchronized void put(WebMessage m) {
        remember(m);
        write(Map.of("message", m));
    }

    synchronized boolean addChannel(String name) {
        if (!channels.add(name)) {
            return false;
        }
        write(Map.of("channel", name));
        return true;
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

    synchronized List<WebMessage> inChannel(String channel) {
        List<WebMessage> out = new ArrayList<>();
        messages.values().stream().filter(m -> m.channel().equals(channel)).forEach(out::add);
        return out;
    }

    synchronized String nameOf(String user) {
        return names.getOrDefault(user, user);
    }

    private void write(Object entry) {
        try {
            journal.write(JSON.writeValueAsString(entry));
            journal.newLine();
            journal.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the web chat journal", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            journal.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
