package org.mlrcopilot.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Brings a run's new and changed regular files back into the workspace, safely: a path that is
 * absolute, climbs out with "..", or passes through a symlink is refused, as are symlinks and
 * special files themselves, and everything past the total size cap or the file-count cap (a script that makes
 * millions of empty files does not fill the run directory). Unchanged files are left alone.
 */
public final class CopyBack {

    /** The most new or changed files one execution brings back. */
    public static final int MAX_FILES = 10_000;
    /** The most refused names listed; the rest are counted. */
    private static final int MAX_LISTED = 100;

    private final Path workspace;
    private final WorkspaceSnapshot before;
    private final long capBytes;
    private final List<String> changed = new ArrayList<>();
    private final List<String> refused = new ArrayList<>();
    private long copiedBytes;
    private long unlisted;
    private long overCount;

    private final ReadOnlyGlobs readOnly;

    public CopyBack(WorkspaceSnapshot before, long capBytes) {
        this(before, capBytes, List.of());
    }

    /** {@code readOnly}: globs of files that never come back, whatever the code wrote there. */
    public CopyBack(WorkspaceSnapshot before, long capBytes, List<String> readOnly) {
        this.workspace = before.root();
        this.before = before;
        this.capBytes = capBytes;
        this.readOnly = new ReadOnlyGlobs(readOnly);
    }

    /** A regular file of the sandbox's workspace, named relative to it. */
    public void file(String name, long size, InputStream content) {
        String relative = normalise(name);
        Path target = relative == null ? null : safeTarget(relative);
        if (target == null) {
            refuse(name);
            return;
        }
        if (readOnly.matching(Path.of(relative)).isPresent()) {
            if (!unchanged(relative, content)) {
                refuse(relative + " (read-only)");
            }
            return;
        }
        if (copiedBytes + size > capBytes) {
            refuse(relative);
            return;
        }
        if (changed.size() >= MAX_FILES) {
            overCount++;
            return;
        }
        try {
            write(relative, target, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + relative + " back into " + workspace, e);
        }
    }

    private void write(String relative, Path target, InputStream content) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), ".mlr-copy-", ".part");
        MessageDigest digest = WorkspaceSnapshot.sha256();
        long written;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), digest)) {
            written = content.transferTo(out);
        }
        String hash = HexFormat.of().formatHex(digest.digest());
        if (hash.equals(before.hashOf(relative)) && Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(temp);
            return;
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        copiedBytes += written;
        changed.add(relative);
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

    /** Records a path that will not come back (symlink, device, fifo, path escaping the workspace). */
    public void refuse(String name) {
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

    public List<String> changed() {
        return List.copyOf(changed);
    }

    /** What did not come back: up to 100 names, then how many more, and the files past the file-count cap. */
    public List<String> refused() {
        List<String> out = new ArrayList<>(refused);
        if (unlisted > 0) {
            out.add("… and " + unlisted + " more not copied back");
        }
        if (overCount > 0) {
            out.add(overCount + " more new or changed files not copied back: one execution brings back at most "
                    + MAX_FILES + " files");
        }
        return List.copyOf(out);
    }
}
