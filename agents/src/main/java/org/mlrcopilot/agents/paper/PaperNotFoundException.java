package org.mlrcopilot.agents.paper;

/** The link was understood and fetched, but there is no readable paper behind it; the message says why. */
public class PaperNotFoundException extends RuntimeException {

    public PaperNotFoundException(String message) {
        super(message);
    }
}
