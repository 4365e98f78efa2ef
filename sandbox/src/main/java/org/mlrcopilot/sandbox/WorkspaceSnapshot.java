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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The regular files of a workspace before a run: relative path to content hash, plus what was
 * skipped (symlinks and special files are never copied into a sandbox). Refuses workspaces
 * larger than the cap, or holding more files and directories than the file limit.
 */
public final class WorkspaceSnapshot {

    private final Path root;
    private final Map<String, String> hashes = new HashMap<>();
    private final List<String> files = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private final Set<String> entries = new HashSet<>();
    private long totalBytes;

    private WorkspaceSnapshot(Path root) {
        this.root = root;
    }

    /** With the default file limit ({@link Limits#DEFAULT_MAX_FILES}). */
    public static WorkspaceSnapshot of(Path workspace, long capBytes) {
        return of(workspace, capBytes, Limits.DEFAULT_MAX_FILES);
    }

    /** The snapshot; a workspace of more than {@code capBytes} bytes or {@code maxFiles} entries is refused. */
    public static WorkspaceSnapshot of(Path workspace, long capBytes, int maxFiles) {
        WorkspaceSnapshot snapshot = new WorkspaceSnapshot(workspace);
        try {
            Files.walkFileTree(workspace, snapshot.visitor(capBytes, maxFiles));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read workspace " + workspace, e);
        }
        return snapshot;
    }

    private SimpleFileVisitor<Path> visitor(long capBytes, int maxFiles) {
        return new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(root)) {
                    entry(relative(dir), maxFiles);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String relative = relative(file);
                entry(relative, maxFiles);
                if (!attrs.isRegularFile()) {
                    skipped.add(relative);
                    return FileVisitResult.CONTINUE;
                }
                totalBytes += attrs.size();
                if (totalBytes > capBytes) {
                    throw new SandboxException(
                            "workspace " + root + " is larger than the cap of " + capBytes
                                    + " bytes (sandbox.maxWorkspaceSize)",
                            false);
                }
                files.add(relative);
                hashes.put(relative, hash(file));
                return FileVisitResult.CONTINUE;
            }
        };
    }

    private void entry(String relative, int maxFiles) {
        entries.add(relative);
        if (entries.size() > maxFiles) {
            throw new SandboxException(
                    "workspace " + root + " holds more than " + maxFiles
                            + " files and directories, the limit (sandbox.maxFiles)",
                    false);
        }
    }

    private String relative(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    public static String hash(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return hash(in);
        }
    }

    public static String hash(InputStream in) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path root() {
        return root;
    }

    /** Relative paths of the regular files, in walk order (directories before their contents). */
    public List<String> files() {
        return List.copyOf(files);
    }

    public List<String> skipped() {
        return List.copyOf(skipped);
    }

    public long totalBytes() {
        return totalBytes;
    }

    /** How many files, directories and other entries the workspace held (its root not counted). */
    public int entryCount() {
        return entries.size();
    }

    /** Whether the workspace held an entry (file, directory, link) of that relative name. */
    public boolean holds(String relative) {
        return entries.contains(relative);
    }

    /** The content hash a file had before the run, or null if it did not exist. */
    public String hashOf(String relative) {
        return hashes.get(relative);
    }
}
