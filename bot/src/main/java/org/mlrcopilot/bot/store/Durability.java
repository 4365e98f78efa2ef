package org.mlrcopilot.bot.store;

import org.jdbi.v3.core.Jdbi;

/**
 * How a committed write reaches the disk. H2 keeps commits in memory for a moment and needs a checkpoint
 * ({@link H2GroupCommit}); on PostgreSQL a commit returns only once its write-ahead log is flushed, so the commit is
 * already the sync.
 */
interface Durability extends AutoCloseable {

    /** Commits are durable when they return: nothing to wait for. */
    Durability COMMITTED = new Durability() {
        @Override
        public void now() {}

        @Override
        public void sync() {}

        @Override
        public void close() {}
    };

    static Durability of(Dialect dialect, Jdbi jdbi) {
        return dialect == Dialect.H2 ? new H2GroupCommit(jdbi) : COMMITTED;
    }

    /** Makes what was committed so far durable before returning (the research's own state). */
    void now();

    /** Waits until what this thread committed is durable, sharing the work with other callers (group commit). */
    void sync();

    @Override
    void close();
}
