package org.mlrcopilot.config;

/**
 * A credential such as an API key or bot token. Its {@link #toString()} never shows the value, so a secret can be
 * logged or printed as part of a record without leaking; call {@link #reveal()} where the raw value is really needed.
 */
public record Secret(String value) {

    private static final Secret NONE = new Secret("");

    public Secret {
        value = value == null ? "" : value;
    }

    public static Secret none() {
        return NONE;
    }

    public static Secret of(String value) {
        return value == null || value.isEmpty() ? NONE : new Secret(value);
    }

    public boolean isPresent() {
        return !value.isEmpty();
    }

    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return isPresent() ? "****" : "<unset>";
    }
}
