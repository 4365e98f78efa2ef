package org.mlrcopilot.sandbox;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * Collects a run's output: keeps at most {@code capBytes}, whole lines in the order they were
 * completed (so stdout and stderr interleave by line, never mid-line), counts everything, and
 * hands each line to a listener. Memory stays bounded whatever the command prints: over-long
 * lines are cut into pieces of {@link #MAX_LINE_BYTES}.
 */
public final class OutputCapture {

    public static final int MAX_LINE_BYTES = 64 * 1024;

    private final long capBytes;
    private final OutputListener listener;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final Map<OutputListener.OutputStream, ByteArrayOutputStream> partial =
            new EnumMap<>(OutputListener.OutputStream.class);
    private final Map<OutputListener.OutputStream, Long> lines = new EnumMap<>(OutputListener.OutputStream.class);
    private long total;

    public OutputCapture(long capBytes, OutputListener listener) {
        if (capBytes < 0) {
            throw new IllegalArgumentException("cap must not be negative");
        }
        this.capBytes = capBytes;
        this.listener = listener == null ? OutputListener.ignore() : listener;
        for (OutputListener.OutputStream s : OutputListener.OutputStream.values()) {
            partial.put(s, new ByteArrayOutputStream());
            lines.put(s, 0L);
        }
    }

    public synchronized void accept(OutputListener.OutputStream stream, byte[] data, int offset, int length) {
        total += length;
        ByteArrayOutputStream line = partial.get(stream);
        for (int i = offset; i < offset + length; i++) {
            byte b = data[i];
            line.write(b);
            if (b == '\n' || line.size() >= MAX_LINE_BYTES) {
                deliver(stream, line);
            }
        }
    }

    /** Delivers what is left of each stream's last line (a final line without newline). */
    public synchronized void finish() {
        partial.forEach((stream, line) -> {
            if (line.size() > 0) {
                deliver(stream, line);
            }
        });
    }

    private void deliver(OutputListener.OutputStream stream, ByteArrayOutputStream line) {
        byte[] bytes = line.toByteArray();
        line.reset();
        long room = capBytes - kept.size();
        if (room > 0) {
            kept.write(bytes, 0, (int) Math.min(room, bytes.length));
        }
        int end = bytes.length;
        if (end > 0 && bytes[end - 1] == '\n') {
            end--;
        }
        if (end > 0 && bytes[end - 1] == '\r') {
            end--;
        }
        lines.merge(stream, 1L, Long::sum);
        listener.onLine(stream, new String(bytes, 0, end, StandardCharsets.UTF_8));
    }

    public synchronized String text() {
        return kept.toString(StandardCharsets.UTF_8);
    }

    public synchronized long totalBytes() {
        return total;
    }

    /** Bytes not kept; final once {@link #finish()} has delivered the last partial lines. */
    public synchronized long droppedBytes() {
        return total - kept.size();
    }

    /** Lines delivered so far on one stream. */
    public synchronized long lineCount(OutputListener.OutputStream stream) {
        return lines.get(stream);
    }
}
