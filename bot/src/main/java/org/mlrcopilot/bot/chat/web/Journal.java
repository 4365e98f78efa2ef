package org.mlrcopilot.bot.chat.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * The web chat's append-only JSON-lines file: one change a line ({@code op} post, update, react, unreact, channel,
 * user). Each entry is one write of its whole line, not synced: a crash loses at most the last lines; a line cut
 * short (a crash, or a disk that filled mid-write) stays a line of its own, never joined to the next, and is
 * skipped when the journal is read.
 * At start-up a journal much longer than the state it adds up to is rewritten as that state ({@link #compact}).
 * Not thread-safe; {@link ChatState} serializes the calls.
 */
final class Journal implements AutoCloseable {

    private final Path file;
    private java.nio.channels.FileChannel out;
    /** A write failed, perhaps half-way: the next entry starts on a new line. */
    private boolean torn;

    Journal(Path file) {
        this.file = file;
        try {
            Files.createDirectories(file.getParent());
            this.out = writer(file);
            torn = cutShort(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the web chat journal " + file, e);
        }
    }

    private static java.nio.channels.FileChannel writer(Path file) throws IOException {
        return java.nio.channels.FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    /**
     * Replaces the journal with {@code snapshot} (the state it adds up to, an entry a line): written to a
     * temporary file, synced, then moved over the journal in one step, so a crash leaves the old or the new one.
     */
    void compact(List<Map<String, Object>> snapshot) {
        Path next = file.resolveSibling(file.getFileName() + ".compact");
        try (var channel = java.nio.channels.FileChannel.open(
                        next,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE);
                BufferedWriter w =
                        new BufferedWriter(java.nio.channels.Channels.newWriter(channel, StandardCharsets.UTF_8))) {
            for (Map<String, Object> entry : snapshot) {
                w.write(ChatState.JSON.writeValueAsString(entry));
                w.newLine();
            }
            w.flush();
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the compacted web chat journal " + next, e);
        }
        try {
            out.close();
            Files.move(
                    next,
                    file,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            out = writer(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace the web chat journal " + file, e);
        }
    }

    /** Whether a crash left the last line without its line break (the next entry must not join it). */
    private static boolean cutShort(Path file) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            if (channel.size() == 0) {
                return false;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.position(channel.size() - 1).read(last);
            return last.get(0) != '\n';
        }
    }

    /** Every complete entry written so far, oldest first. */
    List<JsonNode> entries() {
        List<JsonNode> entries = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    read(line, entries);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the web chat journal " + file, e);
        }
        return entries;
    }

    private static void read(String line, List<JsonNode> entries) {
        try {
            entries.add(ChatState.JSON.readTree(line));
        } catch (IOException e) {
            LoggerFactory.getLogger("mlr.web").warn("skipping a broken journal line");
        }
    }

    /** Writes {@code entry}; throws (and nothing of the entry counts as written) when the file cannot take it. */
    void append(Map<String, Object> entry) {
        byte[] line;
        try {
            line = ((torn ? "\n" : "") + ChatState.JSON.writeValueAsString(entry) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("a web chat entry that cannot be written as JSON", e);
        }
        try {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            torn = false;
        } catch (IOException e) {
            torn = true;
            throw new UncheckedIOException("cannot append to the web chat journal " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
