package org.mlrcopilot.sandbox.docker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.mlrcopilot.sandbox.CopyBack;
import org.mlrcopilot.sandbox.WorkspaceSnapshot;

/** Moves a workspace into a container as a tar owned by the sandbox user, and its changes back out. */
final class WorkspaceArchive {

    private static final int SANDBOX_UID = 65534;

    private WorkspaceArchive() {}

    /** Writes the snapshot's regular files (and their directories) as a tar. */
    static void write(WorkspaceSnapshot snapshot, OutputStream out) throws IOException {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            Set<String> dirs = new HashSet<>();
            for (String relative : snapshot.files()) {
                writeParents(tar, relative, dirs);
                Path file = snapshot.root().resolve(relative);
                TarArchiveEntry entry = entry(relative, Files.isExecutable(file) ? 0755 : 0644);
                entry.setSize(Files.size(file));
                tar.putArchiveEntry(entry);
                try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                    in.transferTo(tar);
                }
                tar.closeArchiveEntry();
            }
            tar.finish();
        }
    }

    private static void writeParents(TarArchiveOutputStream tar, String relative, Set<String> dirs) throws IOException {
        int slash = relative.indexOf('/');
        while (slash > 0) {
            String dir = relative.substring(0, slash + 1);
            if (dirs.add(dir)) {
                tar.putArchiveEntry(entry(dir, 0755));
                tar.closeArchiveEntry();
            }
            slash = relative.indexOf('/', slash + 1);
        }
    }

    private static TarArchiveEntry entry(String name, int mode) {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setMode((name.endsWith("/") ? TarArchiveEntry.DEFAULT_DIR_MODE & ~0777 : 0100000) | mode);
        entry.setIds(SANDBOX_UID, SANDBOX_UID);
        entry.setNames("nobody", "nogroup");
        return entry;
    }

    /**
     * Reads the tar Docker returns for /workspace (entries named "workspace/...") and offers its
     * entries to {@code copyBack}: regular files, directories (counted), links and special files
     * (refused, never followed); stops at the first entry past the file limit, and commits.
     */
    static void read(InputStream archive, CopyBack copyBack) {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(archive)) {
            for (TarArchiveEntry e; !copyBack.overLimit() && (e = tar.getNextEntry()) != null; ) {
                String name = stripRoot(e.getName());
                if (name.isEmpty()) {
                    continue;
                }
                if (e.isDirectory()) {
                    copyBack.directory(name);
                } else if (e.isFile() && !e.isLink() && !e.isSymbolicLink()) {
                    copyBack.file(name, e.getSize(), tar);
                } else {
                    copyBack.refuse(name);
                }
            }
            copyBack.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the workspace back from the container", e);
        } finally {
            copyBack.discard();
        }
    }

    private static String stripRoot(String name) {
        int slash = name.indexOf('/');
        return slash < 0 ? "" : name.substring(slash + 1);
    }
}
