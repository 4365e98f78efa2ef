package org.mlrcopilot.bot.chat.web;

import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The chat's pages, scripts and styles, from {@code resources/web}, read once. */
final class Assets {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Assets() {}

    static String read(String name) throws IOException {
        String cached = CACHE.get(name);
        if (cached != null) {
            return cached;
        }
        try (InputStream in = Assets.class.getResourceAsStream("/web/" + name)) {
            if (in == null) {
                throw new NotFoundResponse("no asset " + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            CACHE.put(name, text);
            return text;
        }
    }
}
