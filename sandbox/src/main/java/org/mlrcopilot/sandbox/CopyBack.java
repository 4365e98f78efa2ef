package org.mlrcopilot.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Brings a run's new and changed regular files back into the workspace, safely: a path that is
 * absolute, climbs out with "..", or passes through a symlink is refused, as are symlinks and
 * special files themselves, and everything past the total size cap. Unchanged files are left alone.
 *
 * <p>The files are staged first and land in the workspace only at {@link #commit()}, and only when the sandbox's
 * workspace stayed within the file limit: the workspace's entries (files, directories, links) before the run plus
 * the new ones the run left must not pass it. A run that goes past it (a script that makes millions of empty files)
 * brings nothing back, the run directory is left as it was, and {@link #limitExceeded()} says why; the readers stop
 * reading at the first entry past the limit ({@link #overLimit()}).
 */
public final class CopyBack {

    /** The most refused names listed; the rest are counted. */
    private static final int MAX_LISTED = 100;

    private final Path workspace;
    private final WorkspaceSnapshot before;
    private final long capBytes;
    private final int maxFiles;
    private final ReadOnlyGlobs readOnly;
    private final List<String> changed = new ArrayList<>();
    private final List<String> refused = new ArrayList<>();
    private final Map<String, Path> staged = new LinkedHashMap<>();
    private final Set<String> added = new HashSet<>();
    private Path staging;
    private int stagedCount;
    private long copiedBytes;
    private long unlisted;
    private boolean over;
    private boolean committed;

    public CopyBack(WorkspaceSnapshot before, long capBytes) {
        this(before, capBytes, List.of());
    }

    /** {@code readOnly}: globs of files that never come back, whatever the code wrote there. */
    public CopyBack(WorkspaceSnapshot before, long capBytes, List<String> readOnly) {
        this(before, capBytes, Limits.DEFAULT_MAX_FILES, readOnly);
    }

    /** {@code maxFiles}: the most files and directories the workspace may hold after the run. */
    public CopyBack(WorkspaceSnapshot before, long capBytes, int maxFiles, List<String> readOnly) {
        this.workspace = before.root();
        this.before = before;
        this.capBytes = capBytes;
        this.maxFiles = maxFiles;
        this.readOnly = new ReadOnlyGlobs(readOnly);
    }

    /** A directory of the sandbox's workspace, named relative to it: it counts towards the file limit. */
    public void directory(String name) {
        String n = name;
        while (n.endsWith("/")) {
            n = n.substring(0, n.length() - 1);
        }
        String relative = normalise(n);
        count(relative == null ? name : relative);
    }

    /** A regular file of the sandbox's workspace, named relative to it. */
    public void file(String name, long size, InputStream content) {
        String relative = normalise(name);
        count(relative == null ? name : relative);
        if (over) {
            return;
        }
        Path target = relative == null ? null : safeTarget(relative);
        if (target == null) {
            record(name);
            return;
        }
        if (readOnly.matching(Path.of(relative)).isPresent()) {
            if (!unchanged(relative, content)) {
                record(relative + " (read-only)");
            }
            return;
        }
        if (copiedBytes + size > capBytes) {
            record(relative);
            return;
        }
        try {
            stage(relative, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + relative + " back into " + workspace, e);
        }
    }

    /** Counts an entry the workspace did not hold before; past the limit, everything staged is dropped. */
    private void count(String relative) {
        if (over || before.holds(relative) || !added.add(relative)) {
            return;
        }
        if ((long) before.entryCount() + added.size() > maxFiles) {
            over = true;
            discard();
        }
    }

    /** Whether the sandbox's workspace went past the file limit: nothing comes back, readers may stop. */
    public boolean overLimit() {
        return over;
    }

    private void stage(String relative, InputStream content) throws IOException {
        if (staging == null) {
            staging = stagingDir();
        }
        Path temp = staging.resolve(String.valueOf(stagedCount++));
        MessageDigest digest = WorkspaceSnapshot.sha256();
        long written;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), digest)) {
            written = content.transferTo(out);
        }
        String hash = HexFormat.of().formatHex(digest.digest());
        Path target = workspace.resolve(relative);
        if (hash.equals(before.hashOf(relative)) && Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(temp);
            return;
        }
        Path previous = staged.put(relative, temp);
        if (previous != null) {
            Files.deleteIfExists(previous);
        }
        copiedBytes += written;
    }

    /** Next to the workspace (so files move in atomically), else in the temporary directory. */
    private Path stagingDir() throws IOException {
        Path parent = workspace.getParent();
        if (parent != null) {
            try {
                return Files.createTempDirectory(parent, "." + workspace.getFileName() + ".copy-back-");
            } catch (IOException | UnsupportedOperationException e) {
                // not writable: the temporary directory will do
            }
        }
        return Files.createTempDirectory("mlr-copy-back-");
    }

    /**
     * Moves the staged files into the workspace, unless the run went past the file limit; then nothing is moved.
     * Either way the staging area is gone afterwards. Called once, after the last file.
     */
    public void commit() {
        if (committed) {
            return;
        }
        committed = true;
        try {
            if (over) {
                return;
            }
            for (Map.Entry<String, Path> e : staged.entrySet()) {
                String relative = e.getKey();
                Path target = safeTarget(relative);
                if (target == null) {
                    record(relative);
                    continue;
                }
                try {
                    Files.createDirectories(target.getParent());
                    move(e.getValue(), target);
                } catch (IOException ex) {
                    throw new UncheckedIOException("cannot copy " + relative + " back into " + workspace, ex);
                }
                changed.add(relative);
            }
        } finally {
            discard();
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes the staging area and forgets what it held (nothing then comes back). Safe to call again. */
    public void discard() {
        staged.clear();
        if (staging == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(staging)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: a hidden directory beside the workspace
        }
        staging = null;
    }

    /** Whether {@code content} is what the workspace held at {@code relative} before the run (read to the end). */
    private boolean unchanged(String relative, InputStream content) {
        MessageDigest digest = WorkspaceSnapshot.sha256();
        try (OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
            content.transferTo(sink);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + relative + " from the sandbox", e);
        }
        return HexFormat.of().formatHex(digest.digest()).equals(before.hashOf(relative));
    }

    /** Records a path that will not come back (symlink, device, fifo, path escaping the workspace); it counts. */
    public void refuse(String name) {
        String relative = normalise(name);
        count(relative == null ? name : relative);
        if (!over) {
            record(name);
        }
    }

    private void record(String name) {
        if (refused.size() < MAX_LISTED) {
            refused.add(name);
        } else {
            unlisted++;
        }
    }

    /** Null when the name is absolute or climbs out of the workspace. */
    static String normalise(String name) {
        String n = name.replace('\\', '/');
        while (n.startsWith("./")) {
            n = n.substring(2);
        }
        if (n.isEmpty() || n.startsWith("/")) {
            return null;
        }
        for (String part : n.split("/")) {
            if (part.equals("..")) {
                return null;
            }
        }
        return n.replaceAll("/+", "/").replaceAll("/\\.(?=/|$)", "");
    }

    /** The host path for a relative name, or null if any existing ancestor inside the workspace is not a plain directory. */
    private Path safeTarget(String relative) {
        Path target = workspace.resolve(relative).normalize();
        if (!target.startsWith(workspace) || target.equals(workspace)) {
            return null;
        }
        for (Path p = target.getParent(); !p.equals(workspace); p = p.getParent()) {
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        return target;
    }

    /** The files that came back, after {@link #commit()}. */
    public List<String> changed() {
        return List.copyOf(changed);
    }

    /** What did not come back: up to 100 names, then how many more. */
    public List<String> refused() {
        List<String> out = new ArrayList<>(refused);
        if (unlisted > 0) {
            out.add("… and " + unlisted + " more not copied back");
        }
        return List.copyOf(out);
    }

    /** Why nothing came back, in words, when the run went past the file limit; empty otherwise. */
    public String limitExceeded() {
        return over ? fileLimitReason(maxFiles) : "";
    }

    /** The words for a run that went past the file limit. */
    public static String fileLimitReason(int maxFiles) {
        return "the code created more files than the workspace may hold (" + maxFiles
                + " files and directories, sandbox.maxFiles); none of its changes were copied back, "
                + "the run directory was left unchanged";
    }
}
