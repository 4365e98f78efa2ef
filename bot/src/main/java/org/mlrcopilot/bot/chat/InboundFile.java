package org.mlrcopilot.bot.chat;

import java.util.Objects;

/**
 * A file a person posted with a message, as the platform describes it; {@link ChatPlatform#download} fetches it.
 *
 * @param name        the file's name as posted
 * @param contentType its media type, "" when the platform does not say
 * @param size        its size in bytes as the platform reports it, -1 when unknown
 * @param location    where the platform keeps it (a URL, or the web chat's upload id)
 */
public record InboundFile(String name, String contentType, long size, String location) {

    public InboundFile {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a posted file needs a name");
        }
        contentType = Objects.requireNonNullElse(contentType, "");
        Objects.requireNonNull(location, "location");
    }
}
