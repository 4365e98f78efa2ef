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

/**
 * A private copy of a workspace on the host, for backends that run host processes. Deleted on close. A bounded
 * copy lives on its own tmpfs, limited in files and bytes, where the service may mount one (as root); otherwise
 * {@link #watch} watches it. Copies in the temporary directory are named after this process
 * ({@code mlr-ws-<pid>-...}): the first copy a process makes removes those of processes that are gone (killed with
 * runs in flight), so no copy outlives its service by more than its next start.
 */
public final class LocalCopy implements AutoCloseable {

    /** Room for the page each small file takes on a tmpfs beyond its bytes. */
    private static final long PAGE = 4096;

    /** The name of this process's copies in the temporary directory starts with this. */
    public static final String PREFIX = "mlr-ws-" + ProcessHandle.current().pid() + "-";

    private static volatile boolean swept;

    private final Path dir;
    private final boolean bounded;

    private LocalCopy(Path dir, boolean bounded) {
        this.dir = dir;
        this.bounded = bounded;
    }

    /** Copies the snapshot's regular files into a new directory readable by the sandbox user. */
    public static LocalCopy of(WorkspaceSnapshot snapshot) {
        return of(snapshot, null);
    }

    /** The copy in a new directory under {@code parent} (the temp dir when null), e.g. a cluster's shared directory. */
    public static LocalCopy of(WorkspaceSnapshot snapshot, Path parent) {
        return of(snapshot, parent, -1, 0);
    }

    /**
     * A copy in the temporary directory that holds at most {@code maxFiles} files and directories and grows by at
     * most {@code growBytes}: on a tmpfs of that size when one can be mounted here (see {@link #bounded()}). With
     * room for one entry more than the limit, so the copy-back sees a run that wanted more.
     */
    public static LocalCopy bounded(WorkspaceSnapshot snapshot, int maxFiles, long growBytes) {
        return of(snapshot, null, maxFiles, growBytes);
    }

    private static LocalCopy of(WorkspaceSnapshot snapshot, Path parent, int maxFiles, long growBytes) {
        Path dir = null;
        boolean bounded = false;
        try {
            var mode = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x"));
            if (parent == null && !swept) {
                swept = true;
                removeOrphans(Path.of(System.getProperty("java.io.tmpdir")));
            }
            dir = parent == null
                    ? Files.createTempDirectory(PREFIX, mode)
                    : Files.createTempDirectory(parent, "ws-", mode);
            if (maxFiles > 0) {
                long size = snapshot.totalBytes() + growBytes + (maxFiles + 2L) * PAGE;
                bounded = Tmpfs.mount(dir, size, maxFiles + 2L);
            }
            for (String relative : snapshot.files()) {
                Path target = dir.resolve(relative);
                Files.createDirectories(target.getParent());
                Files.copy(snapshot.root().resolve(relative), target, LinkOption.NOFOLLOW_LINKS);
            }
            return new LocalCopy(dir, bounded);
        } catch (IOException e) {
            if (dir != null) {
                new LocalCopy(dir, bounded).close();
            }
            throw new SandboxException("cannot copy the workspace: " + e.getMessage(), false, e);
        }
    }

    public Path dir() {
        return dir;
    }

    /** Whether a tmpfs bounds the copy's files and bytes (the kernel refuses more). */
    public boolean bounded() {
        return bounded;
    }

    /**
     * For a copy no tmpfs bounds: a watch that calls {@code stop} when the copy holds more than {@code maxFiles}
     * entries or {@code maxBytes} bytes. For a bounded copy, a watch of nothing.
     */
    public WorkspaceWatch watch(int maxFiles, long maxBytes, Runnable stop) {
        return bounded ? WorkspaceWatch.none() : WorkspaceWatch.start(dir, maxFiles, maxBytes, stop);
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

    /**
     * Offers every entry of the copy to {@code copyBack} (symlinks and special files are refused), stopping at the
     * first past the file limit, and commits it.
     */
    public void copyBack(CopyBack copyBack) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    if (!d.equals(dir)) {
                        copyBack.directory(dir.relativize(d).toString());
                    }
                    return next();
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    String relative = dir.relativize(file).toString();
                    if (!attrs.isRegularFile()) {
                        copyBack.refuse(relative);
                        return next();
                    }
                    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                        copyBack.file(relative, attrs.size(), in);
                    }
                    return next();
                }

                private FileVisitResult next() {
                    return copyBack.overLimit() ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }
            });
            copyBack.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the workspace copy " + dir, e);
        } finally {
            copyBack.discard();
        }
    }

    @Override
    public void close() {
        if (bounded) {
            Tmpfs.unmount(dir);
        }
        delete(dir);
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: the directory lives under the temp dir
        }
    }

    /** Removes the copies under {@code tmp} of processes that are gone (a copy still mounted was swept by Tmpfs). */
    static void removeOrphans(Path tmp) {
        Tmpfs.unmountOrphans();
        try (Stream<Path> entries = Files.list(tmp)) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                java.util.regex.Matcher m = ORPHAN.matcher(p.getFileName().toString());
                if (m.matches()
                        && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                        && !ProcessHandle.of(Long.parseLong(m.group(1)))
                                .map(ProcessHandle::isAlive)
                                .orElse(false)) {
                    delete(p);
                }
            }
        } catch (IOException | UncheckedIOException | NumberFormatException e) {
            // best effort, as every removal of a temporary copy
        }
    }

    private static final java.util.regex.Pattern ORPHAN = java.util.regex.Pattern.compile("mlr-ws-(\\d{1,10})-\\d+");
}
