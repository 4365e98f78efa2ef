package org.mlrcopilot.sandbox.bwrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** Host helpers: finding programs on PATH, temporary directories, whether we are root. */
public final class Host {

    private Host() {}

    static Optional<Path> find(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        return Stream.concat(Stream.of(path.split(":")), Stream.of("/usr/bin", "/usr/sbin", "/bin", "/sbin"))
                .map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** Whether the service runs as root (then sandboxed code is handed to uid 65534). */
    public static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    static Path emptyDir() {
        try {
            return Files.createTempDirectory("mlr-probe-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a directory tree, best effort. */
    public static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // temp dir; best effort
        }
    }
}
