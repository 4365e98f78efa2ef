package org.mlrcopilot.bot.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mlrcopilot.sandbox.Limits;
import org.mlrcopilot.sandbox.SandboxSettings;

/** The `docker run` equivalent of the hardened container DockerSandbox creates (for the benchmark baseline). */
final class DockerRunFlags {

    private DockerRunFlags() {}

    static List<String> command(SandboxSettings s, Limits limits, Path workspace) {
        long logMax = Math.max(4 * limits.outputBytes(), 256 * Limits.MIB);
        List<String> argv = new ArrayList<>(List.of(
                "docker",
                "run",
                "--rm",
                "--network",
                "none",
                "--read-only",
                "--tmpfs",
                "/tmp:rw,nosuid,nodev,size=" + s.tmpfsBytes(),
                "--cap-drop",
                "ALL",
                "--security-opt",
                "no-new-privileges",
                "--memory",
                String.valueOf(limits.memoryBytes()),
                "--memory-swap",
                String.valueOf(limits.memoryBytes()),
                "--cpu-period",
                "100000",
                "--cpu-quota",
                String.valueOf(Math.round(limits.cpus() * 100_000)),
                "--pids-limit",
                String.valueOf(limits.pids()),
                "--ulimit",
                "nofile=" + s.nofile() + ":" + s.nofile(),
                "--ulimit",
                "fsize=" + s.fsizeBytes() + ":" + s.fsizeBytes(),
                "--init",
                "--log-driver",
                "json-file",
                "--log-opt",
                "max-size=" + logMax,
                "--log-opt",
                "max-file=1",
                "--user",
                "65534:65534",
                "--workdir",
                "/workspace",
                "-v",
                workspace + ":/workspace:ro",
                "--label",
                "org.mlrcopilot.sandbox.bench=true"));
        argv.addAll(List.of(s.image(), "python3", "trivial.py"));
        return argv;
    }
}
