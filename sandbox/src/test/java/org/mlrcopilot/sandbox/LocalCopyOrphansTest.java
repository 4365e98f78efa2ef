package org.mlrcopilot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCopyOrphansTest {

    @TempDir
    Path tmp;

    @Test
    void copiesOfAProcessThatIsGoneAreRemovedOthersAreLeftAlone() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path orphan = Files.createDirectories(tmp.resolve("mlr-ws-" + gone.pid() + "-123/env/data"));
        Files.writeString(orphan.resolve("train.csv"), "x,y\n");
        Path mine = Files.createDirectories(tmp.resolve(LocalCopy.PREFIX + "456"));
        Path unnamed = Files.createDirectories(tmp.resolve("mlr-ws-789"));
        Path other = Files.createDirectories(tmp.resolve("something-else"));

        LocalCopy.removeOrphans(tmp);

        assertThat(tmp.resolve("mlr-ws-" + gone.pid() + "-123")).doesNotExist();
        assertThat(mine).as("this process's copy").isDirectory();
        assertThat(unnamed).as("a name without a process").isDirectory();
        assertThat(other).isDirectory();
    }
}
