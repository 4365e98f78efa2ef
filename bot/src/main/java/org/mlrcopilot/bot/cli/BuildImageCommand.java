package org.mlrcopilot.bot.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mlrcopilot.config.MlrConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * `mlr sandbox build-image [--offline]`: the Dockerfile (needs a registry and PyPI) or the offline
 * Debian recipe (debootstrap + docker import). Both tag sandbox.image and fill sandbox.rootfs.
 */
@Command(name = "build-image", description = "Build the sandbox image (and the root filesystem bubblewrap uses).")
final class BuildImageCommand implements Callable<Integer> {

    @ParentCommand
    SandboxCommand sandbox;

    @Option(
            names = "--offline",
            description = "Build from Debian packages with debootstrap; no container registry needed.")
    boolean offline;

    @Override
    public Integer call() throws IOException, InterruptedException {
        MlrConfig config = sandbox.mlr.config().config();
        Path images = home().resolve("sandbox/image");
        String script = offline ? "build-offline.sh" : "build.sh";
        if (!Files.isRegularFile(images.resolve(script))) {
            System.err.println("mlr: cannot find " + images.resolve(script) + " (run from the project directory)");
            return 2;
        }
        List<String> command = List.of(
                "bash",
                images.resolve(script).toString(),
                config.sandbox().image(),
                config.sandbox().rootfs().toString());
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    /** The project directory: set by the launcher, else the current directory. */
    private static Path home() {
        return Path.of(System.getProperty("mlr.home", "."));
    }
}
