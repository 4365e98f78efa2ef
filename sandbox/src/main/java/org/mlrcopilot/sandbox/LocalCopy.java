package org.mlrcopilot.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/** A private copy of a workspace on the host, for backends that run host processes. Deleted on close. */
public final class LocalCopy implements AutoCloseable {

    private final Path dir;

    private LocalCopy(Path dir) {
        this.dir = dir;
    }

    /** Copies the snapshot's regular files into a new directory readable by the sandbox user. */
    public static LocalCopy of(WorkspaceSnapshot snapshot) {
        return of(snapshot, null);
    }

    /** The copy in a new directory under {@code parent} (the temp dir when null), e.g. a cluster's shared directory. */
    public static LocalCopy of(WorkspaceSnapshot snapshot, Path parent) {
        try {
            var mode = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x"));
            Path dir = parent == null
                    ? Files.createTempDirectory("mlr-ws-", mode)
                    : Files.createTempDirectory(parent, "ws-", mode);
            for (String relative : snapshot.files()) {
                Path target = dir.resolve(relative);
                Files.createDirectories(target.getParent());
                Files.copy(snapshot.root().resolve(relative), target, LinkOption.NOFOLLOW_LINKS);
            }
            return new LocalCopy(dir);
        } catch (IOException e) {
            throw new SandboxException("cannot copy the workspace: " + e.getMessage(), false, e);
        }
    }

    public Path dir() {
        return dir;
    }

    /** Gives the whole copy to a numeric user, so a sandbox running as that user can write to it. */
    public void chown(int uid, int gid) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Files.setAttribute(p, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(p, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
            }
        } catch (IOException e) {
            throw new SandboxException(
                    "cannot hand the workspace copy to uid " + uid + ": " + e.getMessage(), false, e);
        }
    }

    /** Offers every file of the copy to {@code copyBack}; symlinks and special files are refused. */
    public void copyBack(CopyBack copyBack) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    String relative = dir.relativize(file).toString();
                    if (!attrs.isRegularFile()) {
                        copyBack.refuse(relative);
                        return FileVisitResult.CONTINUE;
                    }
                    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                        copyBack.file(relative, attrs.size(), in);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the workspace copy " + dir, e);
        }
    }

    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: the directory lives under the temp dir
        }
    }
}
