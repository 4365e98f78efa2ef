package org.mlrcopilot.bot.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.mlrcopilot.sandbox.SandboxException;

/** Times one external command to completion, output discarded, failing loudly if it fails. */
final class BenchProcesses {

    private BenchProcesses() {}

    static long time(List<String> command, Path dir) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        int exit = p.waitFor();
        long elapsed = System.nanoTime() - start;
        if (exit != 0) {
            throw new SandboxException(
                    "benchmark command failed (" + exit + "): " + String.join(" ", command) + "\n" + new String(out),
                    false);
        }
        return elapsed;
    }
}
