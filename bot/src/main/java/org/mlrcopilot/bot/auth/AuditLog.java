package org.mlrcopilot.bot.auth;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Who did what that matters for the team's trust: sign-ins, invitations, roles, approvals and refusals, stops. */
public interface AuditLog {

    /**
     * One entry; never a secret in it.
     *
     * @param who      the person's name or id
     * @param platform web, slack, discord
     * @param address  the client address where known, "" otherwise
     * @param action   e.g. sign-in, sign-in failed, invite, join, role, approve, approval refused, stop
     * @param detail   what it was about, e.g. "H2 of r-1a2b" or "bob -> approver"
     */
    record Entry(Instant at, String who, String platform, String address, String action, String detail) {
        public Entry {
            Objects.requireNonNull(at, "at");
            who = Objects.requireNonNullElse(who, "");
            platform = Objects.requireNonNullElse(platform, "");
            address = Objects.requireNonNullElse(address, "");
            Objects.requireNonNull(action, "action");
            detail = Objects.requireNonNullElse(detail, "");
        }
    }

    void record(Entry entry);

    /** The latest entries, newest first. */
    List<Entry> recent(int limit);

    static AuditLog none() {
        return new AuditLog() {
            @Override
            public void record(Entry entry) {}

            @Override
            public List<Entry> recent(int limit) {
                return List.of();
            }
        };
    }
}
