package org.mlrcopilot.bot.auth;

/** What a person may do: members research and give feedback, approvers also approve runs, admins also invite. */
public enum Role {
    MEMBER,
    APPROVER,
    ADMIN;

    public boolean mayApprove() {
        return this != MEMBER;
    }

    public static Role parse(String text) {
        try {
            return valueOf(text == null ? "" : text.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AuthException(400, "a role is member, approver or admin, not " + text);
        }
    }
}
