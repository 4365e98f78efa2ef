package org.mlrcopilot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlrcopilot.sandbox.OutputListener.OutputStream.STDERR;
import static org.mlrcopilot.sandbox.OutputListener.OutputStream.STDOUT;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputCaptureTest {

    private final List<String> lines = new ArrayList<>();

    private void feed(OutputCapture capture, OutputListener.OutputStream stream, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        capture.accept(stream, bytes, 0, bytes.length);
    }

    @Test
    void assemblesLinesAcrossChunksPerStream() {
        OutputCapture capture = new OutputCapture(1024, (s, l) -> lines.add(s + ":" + l));
        feed(capture, STDOUT, "hel");
        feed(capture, STDERR, "warn");
        feed(capture, STDOUT, "lo\nwor");
        feed(capture, STDERR, "ing\r\n");
        feed(capture, STDOUT, "ld");
        capture.finish();

        assertThat(lines).containsExactly("STDOUT:hello", "STDERR:warning", "STDOUT:world");
        assertThat(capture.text()).isEqualTo("hello\nwarning\r\nworld");
        assertThat(capture.lineCount(STDOUT)).isEqualTo(2);
    }

    @Test
    void keepsOnlyTheCapAndCountsTheRest() {
        OutputCapture capture = new OutputCapture(10, null);
        feed(capture, STDOUT, "0123456789abcdef\n");
        feed(capture, STDOUT, "more\n");
        capture.finish();

        assertThat(capture.text()).isEqualTo("0123456789");
        assertThat(capture.totalBytes()).isEqualTo(22);
        assertThat(capture.droppedBytes()).isEqualTo(12);
    }

    @Test
    void neverSplitsALineOfOneStreamWithTheOther() {
        OutputCapture capture = new OutputCapture(1024, null);
        feed(capture, STDOUT, "hello from");
        feed(capture, STDERR, "to stderr\n");
        feed(capture, STDOUT, " 3\n");
        capture.finish();

        assertThat(capture.text()).isEqualTo("to stderr\nhello from 3\n");
    }

    @Test
    void splitsOverlongLinesSoMemoryStaysBounded() {
        OutputCapture capture = new OutputCapture(0, (s, l) -> lines.add(l));
        byte[] chunk = new byte[OutputCapture.MAX_LINE_BYTES * 2 + 5];
        java.util.Arrays.fill(chunk, (byte) 'x');
        capture.accept(STDOUT, chunk, 0, chunk.length);
        capture.finish();

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).hasSize(OutputCapture.MAX_LINE_BYTES);
        assertThat(lines.get(2)).hasSize(5);
        assertThat(capture.droppedBytes()).isEqualTo(chunk.length);
    }
}
