package org.mlrcopilot.bot.chat.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web chat's journal: whole lines, a torn last line kept apart and skipped, a full disk an error. */
class JournalTest {

    @TempDir
    Path dir;

    @Test
    void aTornLastLineIsSkippedAndNeverJoinsTheNextEntry() throws Exception {
        Path file = dir.resolve("chat.jsonl");
        Files.writeString(file, "{\"op\":\"channel\",\"name\":\"a\"}\n{\"op\":\"channel\",\"na");
        try (Journal journal = new Journal(file)) {
            journal.append(Map.of("op", "channel", "name", "b"));
            assertThat(journal.entries())
                    .extracting(e -> e.path("name").asText())
                    .containsExactly("a", "b");
        }
    }

    @Test
    void aDiskThatCannotTakeTheEntryIsAnError() throws Exception {
        Path full = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(full), "needs Linux's /dev/full");
        Path file = Files.createSymbolicLink(dir.resolve("chat.jsonl"), full);
        try (Journal journal = new Journal(file)) {
            assertThatThrownBy(() -> journal.append(Map.of("op", "channel", "name", "b")))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("cannot append");
        }
    }
}
