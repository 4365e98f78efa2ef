package org.mlrcopilot.bot.llm;

/**
 * The language model cannot be used as configured: a missing or rejected API key, an unknown model, a missing base
 * URL. The message names the configuration key or environment variable to fix.
 */
public class LlmConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LlmConfigurationException(String message) {
        super(message);
    }

    public LlmConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
