package org.mlrcopilot.bot.conversation;

import java.util.Optional;

/** The team's people across platforms: chat identities linked to web accounts, and whether they may approve. */
public interface People {

    /** A person's web account as seen from a linked chat identity. */
    record Linked(String name, boolean mayApprove) {}

    /** A one-time code for a chat user to link their identity in the web chat; empty when there are no accounts. */
    Optional<String> linkCode(String platform, String user);

    /** The web account of a chat identity: the account itself on the web chat, the linked one elsewhere. */
    Optional<Linked> linked(String platform, String user);

    static People none() {
        return new People() {
            @Override
            public Optional<String> linkCode(String platform, String user) {
                return Optional.empty();
            }

            @Override
            public Optional<Linked> linked(String platform, String user) {
                return Optional.empty();
            }
        };
    }
}
