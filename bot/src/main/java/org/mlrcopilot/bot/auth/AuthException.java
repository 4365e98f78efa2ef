package org.mlrcopilot.bot.auth;

/** A sign-in step refused; the status is the HTTP answer and the message is fit to show. */
public class AuthException extends RuntimeException {

    private final int status;

    public AuthException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
