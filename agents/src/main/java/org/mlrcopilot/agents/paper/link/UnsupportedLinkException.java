package org.mlrcopilot.agents.paper.link;

/** The text is not a paper link we can read; the message says what is supported. */
public class UnsupportedLinkException extends RuntimeException {

    public UnsupportedLinkException(String message) {
        super(message);
    }
}
