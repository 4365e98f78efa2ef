package org.mlrcopilot.sandbox;

import java.util.Objects;

/**
 * The sandbox itself failed a run, not the code: its engine stopped answering, refused a step, or the run's
 * container was killed or removed from outside. The message starts with "the sandbox failed (…)" so that whoever
 * shows it does not blame the code. A backend has already run the code once more when it could; trying again later
 * may help.
 */
public final class SandboxFailureException extends SandboxException {

    /** What failed. */
    public enum Kind {
        /** The engine did not answer (stopped, restarted, connection lost). */
        ENGINE_UNREACHABLE("engine unreachable"),
        /** The engine answered with an error for a step of the run. */
        ENGINE_ERROR("engine error"),
        /** Someone or something outside the sandbox killed or removed the run's container. */
        CONTAINER_KILLED("container killed from outside the sandbox");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        /** "engine unreachable", "container killed from outside the sandbox". */
        public String words() {
            return words;
        }
    }

    private final Kind kind;
    private final String detail;

    public SandboxFailureException(Kind kind, String detail, Throwable cause) {
        super("the sandbox failed (" + kind.words() + "): " + Objects.requireNonNull(detail, "detail"), true, cause);
        this.kind = kind;
        this.detail = detail;
    }

    public Kind kind() {
        return kind;
    }

    /** What happened, without the "the sandbox failed (…)" head. */
    public String detail() {
        return detail;
    }

    /** The same failure with more said about it. */
    public SandboxFailureException adding(String more) {
        return new SandboxFailureException(kind, detail + "; " + more, getCause());
    }
}
