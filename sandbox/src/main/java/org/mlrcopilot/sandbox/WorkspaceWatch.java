package org.mlrcopilot.sandbox;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;

/**
 * Where no tmpfs bounds a workspace copy: counts its files and bytes a few times a second while the code runs and
 * stops the run (with the reason) when it holds more than allowed. A script may overshoot by what it makes in one
 * interval; the copy-back's own count then keeps the run directory as it was.
 */
public final class WorkspaceWatch implements AutoCloseable {

    static final Duration EVERY = Duration.ofMillis(250);

    private final Path dir;
    private final int maxEntries;
    private final long maxBytes;
    private final Runnable stop;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile String exceeded = "";

    private WorkspaceWatch(Path dir, int maxEntries, long maxBytes, Runnable stop) {
        this.dir = dir;
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
        this.stop = stop;
        this.thread = dir == null ? null : new Thread(this::loop, "sandbox-workspace-watch");
    }

    /** Watches {@code dir}; {@code stop} kills the run when it holds more than the limits. */
    public static WorkspaceWatch start(Path dir, int maxEntries, long maxBytes, Runnable stop) {
        WorkspaceWatch watch = new WorkspaceWatch(dir, maxEntries, maxBytes, stop);
        watch.thread.setDaemon(true);
        watch.thread.start();
        return watch;
    }

    /** A watch that watches nothing (the kernel bounds the workspace). */
    public static WorkspaceWatch none() {
        return new WorkspaceWatch(null, 0, 0, () -> {});
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(EVERY.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            if (!running) {
                return;
            }
            String reason = check(dir, maxEntries, maxBytes);
            if (!reason.isEmpty()) {
                exceeded = reason;
                stop.run();
                return;
            }
        }
    }

    /** Why {@code dir} holds more than allowed, empty when it does not; stops counting at the first entry past. */
    public static String check(Path dir, int maxEntries, long maxBytes) {
        long[] counts = new long[2];
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    return d.equals(dir) ? FileVisitResult.CONTINUE : entry(0);
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    return entry(attrs.isRegularFile() ? attrs.size() : 0);
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }

                private FileVisitResult entry(long size) {
                    counts[0]++;
                    counts[1] += size;
                    return counts[0] > maxEntries || counts[1] > maxBytes
                            ? FileVisitResult.TERMINATE
                            : FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return "";
        }
        if (counts[0] > maxEntries) {
            return CopyBack.fileLimitReason(maxEntries).replaceFirst(";", " and was stopped;");
        }
        if (counts[1] > maxBytes) {
            return "the code wrote more than " + maxBytes + " bytes into the workspace (the workspace as it was plus "
                    + "sandbox.maxWorkspaceSize) and was stopped";
        }
        return "";
    }

    /** Why the watch stopped the run, empty when it did not. */
    public String exceeded() {
        return exceeded;
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
