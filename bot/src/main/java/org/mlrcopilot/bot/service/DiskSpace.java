package org.mlrcopilot.bot.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The free space of the data directory's file system, as the health check reports it. */
final class DiskSpace {

    /** Below this, writes of the store, the web chat and the runs are about to fail: the disk is reported failing. */
    static final long LOW = 16L * 1024 * 1024;

    private DiskSpace() {}

    /** Empty when {@code dataDir} has room; else what is free and where, e.g. "0 MB free in /srv/mlr/data". */
    static String problem(Path dataDir) throws IOException {
        long free = Files.getFileStore(dataDir).getUsableSpace();
        return free >= LOW
                ? ""
                : free / (1024 * 1024) + " MB free in "
                        + dataDir.toAbsolutePath().normalize();
    }
}
