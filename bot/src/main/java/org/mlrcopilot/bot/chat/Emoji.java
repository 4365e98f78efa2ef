package org.mlrcopilot.bot.chat;

/** Canonical reaction names (Slack's short names); platforms map them to their own. */
public final class Emoji {

    public static final String EYES = "eyes";
    public static final String THUMBS_UP = "+1";
    public static final String THUMBS_DOWN = "-1";
    public static final String ROCKET = "rocket";
    public static final String REPEAT = "repeat";
    public static final String CHECK = "white_check_mark";
    public static final String WARNING = "warning";

    private Emoji() {}
}
