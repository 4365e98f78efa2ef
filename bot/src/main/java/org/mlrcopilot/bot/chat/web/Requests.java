package org.mlrcopilot.bot.chat.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Reading and checking what the browser sends; a bad request throws an answer (400 or 413) for the server. */
final class Requests {

    /**
     * The largest body a request may have: room for a message of {@link ChatApi#MAX_TEXT} characters however it is
     * encoded (up to six bytes a character, escaped), so a long message meets the message limit, not this one.
     */
    static final int MAX_BODY = 128 * 1024;

    static final String CHANNEL = "[a-z0-9-]{1,40}";
    static final String EMOJI = "[a-z0-9_+-]{1,40}";

    private Requests() {}

    /** The person acting: the browser's user id and display name. */
    record Who(String user, String name) {}

    /** The JSON object in the body, {} when empty. */
    static JsonNode body(Context ctx) {
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > MAX_BODY) {
            throw new ContentTooLargeResponse("the request is larger than " + MAX_BODY / 1024 + " KiB. A message "
                    + "holds at most " + ChatApi.MAX_TEXT + " characters; send longer text as a file (📎).");
        }
        try {
            JsonNode body =
                    ChatState.JSON.readTree(bytes.length == 0 ? "{}" : new String(bytes, StandardCharsets.UTF_8));
            if (body == null || !body.isObject()) {
                throw new BadRequestResponse("the body must be a JSON object");
            }
            requireWellFormed(body);
            return body;
        } catch (IOException e) {
            throw new BadRequestResponse("the body is not JSON");
        }
    }

    /** The signed-in person, else the person {@code user} and {@code userName} of the body name. */
    static Who who(Context ctx, JsonNode body) {
        return signedIn(ctx)
                .orElseGet(() ->
                        who(body.path("user").asText(""), body.path("userName").asText("")));
    }

    /** The signed-in person, else the person of the query parameters {@code user} and {@code userName}. */
    static Who who(Context ctx) {
        return signedIn(ctx)
                .orElseGet(() -> who(wellFormed(ctx.queryParam("user")), wellFormed(ctx.queryParam("userName"))));
    }

    /**
     * Refuses text no file or database can hold (a lone UTF-16 surrogate, which JSON's \\ud83d escape can
     * carry): the request gets a 400 before anything of it reaches the chat's state.
     */
    static void requireWellFormed(JsonNode node) {
        if (node.isTextual()) {
            wellFormed(node.asText());
        }
        node.fieldNames().forEachRemaining(Requests::wellFormed);
        node.elements().forEachRemaining(Requests::requireWellFormed);
    }

    static String wellFormed(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new BadRequestResponse("the text holds an invalid character (a lone UTF-16 surrogate at "
                        + "position " + i + "); nothing was changed");
            }
        }
        return text;
    }

    private static java.util.Optional<Who> signedIn(Context ctx) {
        org.mlrcopilot.bot.auth.Person p = ctx.attribute(org.mlrcopilot.bot.http.AuthRoutes.PERSON);
        return p == null ? java.util.Optional.empty() : java.util.Optional.of(new Who(p.id(), p.name()));
    }

    private static Who who(String user, String name) {
        String id = user == null ? "" : user.strip();
        if (!id.matches("[A-Za-z0-9._@-]{1,80}")) {
            throw new BadRequestResponse("user must be 1-80 letters, digits or . _ @ -");
        }
        String shown = name == null ? "" : name.strip().replaceAll("\\p{Cntrl}", "");
        return new Who(id, shown.isEmpty() ? id : clip(shown, 80));
    }

    /** Field {@code name} of the body, at most {@code max} characters; blank is refused when {@code required}. */
    static String text(JsonNode body, String name, int max, boolean required) {
        String value = body.path(name).isValueNode() ? body.path(name).asText("") : "";
        if (required && value.isBlank()) {
            throw new BadRequestResponse(name + " is required");
        }
        if (value.length() > max) {
            throw new BadRequestResponse(name + " is longer than " + max + " characters");
        }
        return value;
    }

    /** {@code value} if it matches {@code pattern}, else a 400 naming {@code what}. */
    static String matching(String value, String pattern, String what) {
        if (value == null || !value.matches(pattern)) {
            throw new BadRequestResponse("bad " + what + ": expected " + pattern);
        }
        return value;
    }

    private static String clip(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max; // never half a character
        return s.substring(0, end);
    }
}
