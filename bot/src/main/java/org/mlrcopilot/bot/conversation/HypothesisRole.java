package org.mlrcopilot.bot.conversation;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message-link role of one version of a hypothesis: {@code hypothesis:H1} for v1, {@code hypothesis:H1:v2} for
 * the versions refinement adds, each a message of its own. A reaction or reply finds the version it was given to.
 */
record HypothesisRole(String id, int version) {

    static final String PREFIX = "hypothesis:";
    private static final Pattern ROLE = Pattern.compile("hypothesis:([^:]+)(?::v(\\d{1,6}))?");

    static String of(String id, int version) {
        return PREFIX + id + (version <= 1 ? "" : ":v" + version);
    }

    static Optional<HypothesisRole> parse(String role) {
        Matcher m = ROLE.matcher(role);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new HypothesisRole(m.group(1), m.group(2) == null ? 1 : Integer.parseInt(m.group(2))));
    }
}
