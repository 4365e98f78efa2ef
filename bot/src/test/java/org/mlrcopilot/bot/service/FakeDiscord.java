package org.mlrcopilot.bot.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A local Discord for JDA: the REST API (v10) on the JDK's HTTP server and the gateway on a WebSocket server,
 * speaking the shapes of Discord's public documentation. One guild with a watched text channel, the bot's managed
 * role and a "Reviewers" role. The gateway says hello, takes identify (refusing the Message Content intent when
 * told to, with close code 4014), sends READY and GUILD_CREATE, acknowledges heartbeats and dispatches what the
 * test makes people do. The REST side records every call and answers like Discord: messages, edits, reactions,
 * threads started from a message (with THREAD_CREATE on the gateway), command registration, interaction callbacks,
 * direct-message channels; and a 429 with Discord's rate-limit headers when told to.
 */
final class FakeDiscord implements AutoCloseable {

    static final String TOKEN = "discord-test-token";
    static final String GUILD = "900000000000000001";
    static final String CHANNEL = "900000000000000010";
    static final String OTHER_CHANNEL = "900000000000000011";
    static final String NEWS_CHANNEL = "900000000000000012";
    static final String BOT = "900000000000000100";
    static final String APP = "900000000000000101";
    static final String BOT_ROLE = "900000000000000200";
    static final String REVIEWERS = "900000000000000201";
    static final String OWNER = "900000000000000300";
    /** What the bot's role may do: view, send, threads, embeds, files, reactions, history. */
    static final long ALL =
            (1L << 10) | (1L << 11) | (1L << 35) | (1L << 38) | (1L << 14) | (1L << 15) | (1L << 6) | (1L << 16);

    static final long CREATE_PUBLIC_THREADS = 1L << 35;
    private static final long MESSAGE_CONTENT = 1L << 15;

    /** A REST call: method, path (after /api/v10), JSON body (payload_json for uploads), file names. */
    record Call(String method, String path, JsonNode body, List<String> files, String authorization) {
        String text(String field) {
            JsonNode v = body == null ? null : body.get(field);
            return v == null || v.isNull() ? "" : v.asText();
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer http;
    private final Gateway gateway;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, ObjectNode> messages = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> threads = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> limited = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile long botPermissions = ALL;
    private volatile boolean refuseContent;

    FakeDiscord() {
        try {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.createContext("/api/v10/", this::rest);
            http.createContext("/cdn/", this::cdn);
            http.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
            http.start();
            gateway = new Gateway(new InetSocketAddress("127.0.0.1", 0));
            gateway.setReuseAddr(true);
            gateway.start();
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(5))
                    .until(() -> gateway.listening && gateway.getPort() > 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String apiUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/api/v10/";
    }

    String gatewayUrl() {
        return "ws://127.0.0.1:" + gateway.getPort() + "/";
    }

    /** A new id as Discord makes them: milliseconds since 2015 in the high bits (JDA reads times from ids). */
    private String snowflake() {
        return String.valueOf(((System.currentTimeMillis() - 1420070400000L) << 22) | (ids.incrementAndGet() & 0xFFF));
    }

    /** Gives the bot's role only these permissions (set before the bot connects). */
    void botPermissions(long bits) {
        this.botPermissions = bits;
    }

    /** Refuses the Message Content intent as Discord does when the portal has it off (close code 4014). */
    void refuseMessageContent() {
        this.refuseContent = true;
    }

    /** Discord archives a thread nobody wrote in for a while (done here while the bot is away). */
    void archive(String threadId) {
        ((ObjectNode) threads.get(threadId).get("thread_metadata")).put("archived", true);
    }

    private boolean archived(String channelId) {
        ObjectNode thread = threads.get(channelId);
        return thread != null && thread.path("thread_metadata").path("archived").asBoolean();
    }

    private void unarchive(String threadId) {
        ((ObjectNode) threads.get(threadId).get("thread_metadata")).put("archived", false);
        gateway.dispatch("THREAD_UPDATE", threads.get(threadId).deepCopy());
    }

    /** The next {@code times} calls whose "METHOD path" matches {@code route} get a 429. */
    void rateLimit(String route, int times) {
        limited.put(route, new AtomicInteger(times));
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Call> calls(String method, String pathRegex) {
        return calls.stream()
                .filter(c -> c.method().equals(method) && c.path().matches(pathRegex))
                .toList();
    }

    /** The messages of a channel or thread as Discord holds them now (with their edits), oldest first. */
    List<JsonNode> messagesIn(String channel) {
        return messages.values().stream()
                .filter(m -> m.path("channel_id").asText().equals(channel))
                .sorted(java.util.Comparator.comparingLong(
                        m -> Long.parseLong(m.path("id").asText())))
                .map(m -> (JsonNode) m.deepCopy())
                .toList();
    }

    /** Identify payloads the gateway received (their intents). */
    List<Long> identified() {
        return List.copyOf(gateway.identified);
    }

    int sessions() {
        return gateway.sessions.get();
    }

    // ---- what people do ----

    /** A person posts a message in the channel (or a thread); returns its id. */
    String say(String channel, String userId, String name, List<String> roles, String content, boolean mentionBot) {
        return post(channel, userId, name, roles, content, mentionBot, null);
    }

    /** Files on the fake CDN, by name; every fetch of one is counted. */
    final Map<String, byte[]> cdnFiles = new java.util.concurrent.ConcurrentHashMap<>();

    final List<String> cdnFetches = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** A person posts a message with one attached file (served by the fake CDN); returns its id. */
    String sayWithFile(String channel, String userId, String name, String content, String fileName, byte[] file) {
        cdnFiles.put(fileName, file);
        String id = snowflake();
        ObjectNode m = message(id, channel, user(userId, name), content);
        String url = "http://127.0.0.1:" + http.getAddress().getPort() + "/cdn/attachments/" + channel + "/" + id + "/"
                + fileName;
        m.putArray("attachments")
                .addObject()
                .put("id", snowflake())
                .put("filename", fileName)
                .put("size", file.length)
                .put("url", url)
                .put("proxy_url", url)
                .put("content_type", "text/csv");
        m.set("member", member(List.of()));
        messages.put(id, m.deepCopy());
        m.put("guild_id", GUILD);
        gateway.dispatch("MESSAGE_CREATE", m);
        return id;
    }

    private void cdn(com.sun.net.httpserver.HttpExchange exchange) throws java.io.IOException {
        String name = exchange.getRequestURI().getPath().replaceFirst("^.*/", "");
        cdnFetches.add(name);
        byte[] body = cdnFiles.get(name);
        if (body == null) {
            exchange.sendResponseHeaders(404, -1);
        } else {
            exchange.getResponseHeaders().add("Content-Type", "text/csv");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    /** A person answers a message with Discord's reply (a message reference); returns its id. */
    String reply(String channel, String answered, String userId, String name, String content) {
        return post(channel, userId, name, List.of(), content, false, answered);
    }

    private String post(
            String channel,
            String userId,
            String name,
            List<String> roles,
            String content,
            boolean mentionBot,
            String answered) {
        String id = snowflake();
        ObjectNode m = message(id, channel, user(userId, name), content);
        if (answered != null) {
            m.put("type", 19);
            m.putObject("message_reference")
                    .put("type", 0)
                    .put("message_id", answered)
                    .put("channel_id", channel)
                    .put("guild_id", GUILD);
            ObjectNode original = messages.get(answered);
            if (original != null) {
                m.set("referenced_message", original.deepCopy());
            }
        }
        m.set("member", member(roles));
        if (mentionBot) {
            m.putArray("mentions").add(user(BOT, "MLR-Copilot").put("bot", true));
        }
        if (gateway.readsContent || mentionBot) {
            messages.put(id, m.deepCopy());
        } else {
            m.put("content", "");
        }
        m.put("guild_id", GUILD);
        gateway.dispatch("MESSAGE_CREATE", m);
        return id;
    }

    /** A person adds ({@code add}) or removes a reaction. */
    void react(
            String channel,
            String messageId,
            String userId,
            String name,
            List<String> roles,
            String emoji,
            boolean add) {
        ObjectNode d = json.createObjectNode()
                .put("user_id", userId)
                .put("channel_id", channel)
                .put("message_id", messageId)
                .put("guild_id", GUILD)
                .put("burst", false)
                .put("type", 0);
        d.putObject("emoji").putNull("id").put("name", emoji);
        if (add) {
            ObjectNode member = member(roles);
            member.set("user", user(userId, name));
            d.set("member", member);
            d.put("message_author_id", BOT);
        }
        gateway.dispatch(add ? "MESSAGE_REACTION_ADD" : "MESSAGE_REACTION_REMOVE", d);
    }

    /** A person presses a button on a message; returns the interaction id. */
    String press(String channel, String messageId, String customId, String userId, String name, List<String> roles) {
        ObjectNode d = interaction(3, channel, userId, name, roles);
        d.putObject("data").put("custom_id", customId).put("component_type", 2);
        ObjectNode message = messages.get(messageId);
        d.set("message", message == null ? message(messageId, channel, user(BOT, "MLR-Copilot"), "") : message);
        gateway.dispatch("INTERACTION_CREATE", d);
        return d.get("id").asText();
    }

    /** A person runs {@code /mlr <sub> [option=value]}; returns the interaction id. */
    String slash(String channel, String userId, String name, String sub, String option, String value) {
        ObjectNode d = interaction(2, channel, userId, name, List.of());
        ObjectNode data = d.putObject("data")
                .put("id", "900000000000000500")
                .put("name", "mlr")
                .put("type", 1);
        ObjectNode subcommand =
                data.putArray("options").addObject().put("name", sub).put("type", 1);
        ArrayNode options = subcommand.putArray("options");
        if (option != null) {
            options.addObject().put("name", option).put("type", 3).put("value", value);
        }
        gateway.dispatch("INTERACTION_CREATE", d);
        return d.get("id").asText();
    }

    private final Map<String, String> interactionChannels = new ConcurrentHashMap<>();

    private ObjectNode interaction(int type, String channel, String userId, String name, List<String> roles) {
        String id = snowflake();
        interactionChannels.put(id, channel);
        ObjectNode d = json.createObjectNode()
                .put("id", id)
                .put("application_id", APP)
                .put("type", type)
                .put("guild_id", GUILD)
                .put("channel_id", channel)
                .put("token", "itoken-" + id)
                .put("version", 1)
                .put("app_permissions", String.valueOf(botPermissions))
                .put("locale", "en-US")
                .put("guild_locale", "en-US")
                .put("context", 0)
                .put("attachment_size_limit", 26214400);
        d.set("channel", channelJson(channel));
        d.putObject("guild").put("id", GUILD).put("locale", "en-US").putArray("features");
        ObjectNode member = member(roles);
        member.set("user", user(userId, name));
        member.put("permissions", "0");
        d.set("member", member);
        d.putArray("entitlements");
        d.putObject("authorizing_integration_owners").put("0", GUILD);
        return d;
    }

    // ---- entities in Discord's shapes ----

    private ObjectNode user(String id, String name) {
        ObjectNode u = json.createObjectNode()
                .put("id", id)
                .put("username", name)
                .put("discriminator", "0")
                .put("global_name", name)
                .put("public_flags", 0);
        u.putNull("avatar");
        return u;
    }

    private ObjectNode member(List<String> roles) {
        ObjectNode m = json.createObjectNode()
                .put("joined_at", "2026-01-01T00:00:00.000000+00:00")
                .put("deaf", false)
                .put("mute", false)
                .put("flags", 0)
                .put("pending", false);
        ArrayNode r = m.putArray("roles");
        roles.forEach(r::add);
        m.putNull("nick");
        m.putNull("avatar");
        m.putNull("premium_since");
        return m;
    }

    private ObjectNode message(String id, String channel, ObjectNode author, String content) {
        ObjectNode m = json.createObjectNode()
                .put("id", id)
                .put("channel_id", channel)
                .put("content", content)
                .put("timestamp", Instant.now().toString())
                .put("tts", false)
                .put("mention_everyone", false)
                .put("pinned", false)
                .put("type", 0)
                .put("flags", 0);
        m.set("author", author);
        m.putNull("edited_timestamp");
        m.putArray("mentions");
        m.putArray("mention_roles");
        m.putArray("attachments");
        m.putArray("embeds");
        m.putArray("components");
        return m;
    }

    private ObjectNode channelJson(String id) {
        ObjectNode thread = threads.get(id);
        if (thread != null) {
            return thread;
        }
        ObjectNode c = json.createObjectNode()
                .put("id", id)
                .put("type", id.equals(NEWS_CHANNEL) ? 5 : 0)
                .put("guild_id", GUILD)
                .put("name", id.equals(CHANNEL) ? "papers" : id.equals(NEWS_CHANNEL) ? "announcements" : "general")
                .put("position", id.equals(CHANNEL) ? 0 : 1)
                .put("nsfw", false)
                .put("rate_limit_per_user", 0)
                .put("flags", 0);
        c.putNull("topic");
        c.putNull("parent_id");
        c.putNull("last_message_id");
        c.putArray("permission_overwrites");
        return c;
    }

    private ObjectNode role(String id, String name, long permissions, int position, boolean managed) {
        ObjectNode r = json.createObjectNode()
                .put("id", id)
                .put("name", name)
                .put("color", 0)
                .put("hoist", false)
                .put("position", position)
                .put("permissions", String.valueOf(permissions))
                .put("managed", managed)
                .put("mentionable", false)
                .put("flags", 0);
        r.putNull("icon");
        r.putNull("unicode_emoji");
        if (managed) {
            r.putObject("tags").put("bot_id", BOT);
        }
        return r;
    }

    private ObjectNode guild() {
        ObjectNode g = json.createObjectNode()
                .put("id", GUILD)
                .put("name", "ML Reading Group")
                .put("owner_id", OWNER)
                .put("afk_timeout", 300)
                .put("verification_level", 0)
                .put("default_message_notifications", 0)
                .put("explicit_content_filter", 0)
                .put("mfa_level", 0)
                .put("nsfw_level", 0)
                .put("premium_tier", 0)
                .put("premium_subscription_count", 0)
                .put("preferred_locale", "en-US")
                .put("large", false)
                .put("unavailable", false)
                .put("member_count", 1)
                .put("max_members", 500000)
                .put("premium_progress_bar_enabled", false)
                .put("joined_at", "2026-01-01T00:00:00.000000+00:00");
        for (String nul : List.of(
                "icon",
                "splash",
                "discovery_splash",
                "banner",
                "description",
                "vanity_url_code",
                "afk_channel_id",
                "system_channel_id",
                "rules_channel_id",
                "public_updates_channel_id",
                "safety_alerts_channel_id",
                "application_id")) {
            g.putNull(nul);
        }
        ArrayNode roles = g.putArray("roles");
        roles.add(role(GUILD, "@everyone", 0, 0, false));
        roles.add(role(BOT_ROLE, "MLR-Copilot", botPermissions, 1, true));
        roles.add(role(REVIEWERS, "Reviewers", 0, 2, false));
        ArrayNode channels = g.putArray("channels");
        for (String id : List.of(CHANNEL, OTHER_CHANNEL, NEWS_CHANNEL)) {
            ObjectNode c = channelJson(id);
            c.remove("guild_id");
            channels.add(c);
        }
        ObjectNode self = member(List.of(BOT_ROLE));
        self.set("user", user(BOT, "MLR-Copilot").put("bot", true));
        g.putArray("members").add(self);
        ArrayNode active = g.putArray("threads");
        threads.values().stream()
                .filter(t -> !t.path("thread_metadata").path("archived").asBoolean())
                .forEach(active::add);
        for (String empty : List.of(
                "emojis",
                "stickers",
                "voice_states",
                "presences",
                "guild_scheduled_events",
                "stage_instances",
                "features",
                "soundboard_sounds")) {
            g.putArray(empty);
        }
        return g;
    }

    // ---- REST ----

    private void rest(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath().substring("/api/v10/".length());
            path = URLDecoder.decode(path, StandardCharsets.UTF_8);
            String method = exchange.getRequestMethod();
            byte[] raw = exchange.getRequestBody().readAllBytes();
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            List<String> files = new ArrayList<>();
            JsonNode body = parse(raw, type, files);
            String route = method + " " + path;
            AtomicInteger left = limited.entrySet().stream()
                    .filter(e -> route.matches(e.getKey()))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
            if (left != null && left.getAndDecrement() > 0) {
                calls.add(new Call(method + " 429", path, body, files, auth(exchange)));
                var h = exchange.getResponseHeaders();
                h.add("Retry-After", "1");
                h.add("X-RateLimit-Limit", "5");
                h.add("X-RateLimit-Remaining", "0");
                h.add("X-RateLimit-Reset-After", "1.000");
                h.add(
                        "X-RateLimit-Reset",
                        String.valueOf(Instant.now().plusSeconds(1).getEpochSecond()));
                h.add("X-RateLimit-Bucket", "fake-bucket-" + Math.abs(path.hashCode()));
                h.add("X-RateLimit-Scope", "user");
                h.add("Via", "1.1 google");
                send(
                        exchange,
                        429,
                        "{\"message\":\"You are being rate limited.\",\"retry_after\":1.0," + "\"global\":false}");
                return;
            }
            calls.add(new Call(method, path, body, files, auth(exchange)));
            if (!path.startsWith("interactions/")
                    && !path.startsWith("webhooks/")
                    && !auth(exchange).equals("Bot " + TOKEN)) {
                send(exchange, 401, "{\"message\":\"401: Unauthorized\",\"code\":0}");
                return;
            }
            answer(exchange, method, path, body, files);
        } catch (RuntimeException e) {
            e.printStackTrace();
            send(exchange, 500, "{\"message\":\"fake: " + e + "\",\"code\":0}");
        }
    }

    private static String auth(HttpExchange exchange) {
        String a = exchange.getRequestHeaders().getFirst("Authorization");
        return a == null ? "" : a;
    }

    private void answer(HttpExchange exchange, String method, String path, JsonNode body, List<String> files)
            throws IOException {
        Matcher m;
        if (method.equals("GET") && path.equals("users/@me")) {
            send(
                    exchange,
                    200,
                    user(BOT, "MLR-Copilot")
                            .put("bot", true)
                            .put("flags", 0)
                            .put("verified", true)
                            .put("mfa_enabled", false)
                            .toString());
        } else if (method.equals("PUT") && path.matches("applications/\\d+/commands")) {
            ArrayNode out = json.createArrayNode();
            for (JsonNode c : body) {
                ObjectNode copy = ((ObjectNode) c).deepCopy();
                copy.put("id", "900000000000000500")
                        .put("application_id", APP)
                        .put("version", "1")
                        .put("type", 1);
                copy.put("default_member_permissions", (String) null);
                out.add(copy);
            }
            send(exchange, 200, out.toString());
        } else if ((m = Pattern.compile("channels/(\\d+)/messages/(\\d+)/threads")
                                .matcher(path))
                        .matches()
                && method.equals("POST")) {
            if ((botPermissions & CREATE_PUBLIC_THREADS) == 0) {
                send(exchange, 403, "{\"message\":\"Missing Permissions\",\"code\":50013}");
                return;
            }
            if (threads.containsKey(m.group(2))) {
                send(
                        exchange,
                        400,
                        "{\"message\":\"A thread has already been created for this message\"," + "\"code\":160004}");
                return;
            }
            ObjectNode thread =
                    threadJson(m.group(2), m.group(1), body.path("name").asText("thread"));
            threads.put(m.group(2), thread);
            send(exchange, 201, thread.toString());
            gateway.dispatch("THREAD_CREATE", thread.deepCopy().put("newly_created", true));
        } else if ((m = Pattern.compile("channels/(\\d+)/messages").matcher(path)).matches() && method.equals("POST")) {
            if (archived(m.group(1))) {
                unarchive(m.group(1));
            }
            String id = snowflake();
            ObjectNode msg = message(
                    id,
                    m.group(1),
                    user(BOT, "MLR-Copilot").put("bot", true),
                    body.path("content").asText(""));
            msg.set("embeds", rich(body.get("embeds")));
            msg.set("components", body.has("components") ? body.get("components") : json.createArrayNode());
            ArrayNode attachments = msg.putArray("attachments");
            for (int i = 0; i < files.size(); i++) {
                attachments
                        .addObject()
                        .put("id", snowflake())
                        .put("filename", files.get(i))
                        .put("size", 1)
                        .put("url", "https://cdn.example/" + files.get(i))
                        .put("proxy_url", "https://cdn.example/" + files.get(i));
            }
            msg.put("guild_id", GUILD);
            messages.put(id, msg);
            send(exchange, 200, msg.toString());
        } else if ((m = Pattern.compile("channels/(\\d+)/messages/(\\d+)").matcher(path)).matches()
                && method.equals("PATCH")) {
            ObjectNode msg = messages.get(m.group(2));
            if (archived(m.group(1))) {
                send(exchange, 400, "{\"message\":\"Thread is archived\",\"code\":50083}");
                return;
            }
            if (msg == null) {
                send(exchange, 404, "{\"message\":\"Unknown Message\",\"code\":10008}");
                return;
            }
            body.fields().forEachRemaining(f -> msg.set(f.getKey(), f.getValue()));
            msg.set("embeds", rich(msg.get("embeds")));
            msg.put("edited_timestamp", Instant.now().toString());
            send(exchange, 200, msg.toString());
        } else if (path.matches("channels/\\d+/messages/\\d+/reactions/.+/@me") && method.equals("PUT")) {
            send(exchange, 204, "");
        } else if ((m = Pattern.compile("channels/(\\d+)").matcher(path)).matches() && method.equals("PATCH")) {
            ObjectNode thread = threads.get(m.group(1));
            if (thread == null) {
                send(exchange, 404, "{\"message\":\"Unknown Channel\",\"code\":10003}");
                return;
            }
            if (body.has("name")) {
                thread.put("name", body.get("name").asText());
            }
            if (body.has("archived")) {
                ((ObjectNode) thread.get("thread_metadata"))
                        .put("archived", body.get("archived").asBoolean());
            }
            send(exchange, 200, thread.toString());
            gateway.dispatch("THREAD_UPDATE", thread.deepCopy());
        } else if ((m = Pattern.compile("channels/(\\d+)/threads/archived/public")
                        .matcher(path))
                .matches()) {
            String parent = m.group(1);
            ObjectNode out = json.createObjectNode().put("has_more", false);
            ArrayNode list = out.putArray("threads");
            threads.values().stream()
                    .filter(t -> t.path("parent_id").asText().equals(parent))
                    .filter(t -> t.path("thread_metadata").path("archived").asBoolean())
                    .forEach(list::add);
            out.putArray("members");
            send(exchange, 200, out.toString());
        } else if ((m = Pattern.compile("webhooks/\\d+/([^/]+)(/messages/@original)?")
                        .matcher(path))
                .matches()) {
            String interaction = m.group(1).replace("itoken-", "");
            ObjectNode msg = message(
                    snowflake(),
                    interactionChannels.getOrDefault(interaction, CHANNEL),
                    user(BOT, "MLR-Copilot").put("bot", true),
                    body.path("content").asText(""));
            msg.put("flags", body.path("flags").asInt(64))
                    .put("webhook_id", APP)
                    .put("application_id", APP);
            send(exchange, 200, msg.toString());
        } else if (path.matches("interactions/\\d+/[^/]+/callback")) {
            send(exchange, 204, "");
        } else if (path.equals("users/@me/channels") && method.equals("POST")) {
            ObjectNode dm = json.createObjectNode()
                    .put("id", "8" + body.path("recipient_id").asText().substring(1))
                    .put("type", 1);
            dm.putNull("last_message_id");
            dm.putArray("recipients").add(user(body.path("recipient_id").asText(), "someone"));
            send(exchange, 200, dm.toString());
        } else {
            send(exchange, 404, "{\"message\":\"fake: no route " + method + " " + path + "\",\"code\":0}");
        }
    }

    /** Embeds as Discord returns them: with their type. */
    private ArrayNode rich(JsonNode embeds) {
        ArrayNode out = json.createArrayNode();
        if (embeds != null && embeds.isArray()) {
            embeds.forEach(e -> out.add(((ObjectNode) e.deepCopy()).put("type", "rich")));
        }
        return out;
    }

    private ObjectNode threadJson(String id, String parent, String name) {
        ObjectNode t = json.createObjectNode()
                .put("id", id)
                .put("type", 11)
                .put("guild_id", GUILD)
                .put("parent_id", parent)
                .put("owner_id", BOT)
                .put("name", name)
                .put("rate_limit_per_user", 0)
                .put("message_count", 0)
                .put("member_count", 1)
                .put("total_message_sent", 0)
                .put("flags", 0);
        t.putNull("last_message_id");
        t.putObject("thread_metadata")
                .put("archived", false)
                .put("auto_archive_duration", 10080)
                .put("archive_timestamp", Instant.now().toString())
                .put("locked", false)
                .put("create_timestamp", Instant.now().toString());
        t.putObject("member")
                .put("id", id)
                .put("user_id", BOT)
                .put("join_timestamp", Instant.now().toString())
                .put("flags", 0);
        return t;
    }

    private JsonNode parse(byte[] raw, String type, List<String> files) throws IOException {
        if (raw.length == 0) {
            return json.createObjectNode();
        }
        if (type != null && type.startsWith("multipart/form-data")) {
            String boundary =
                    "--" + type.substring(type.indexOf("boundary=") + 9).replace("\"", "");
            String all = new String(raw, StandardCharsets.ISO_8859_1);
            JsonNode payload = json.createObjectNode();
            for (String part : all.split(Pattern.quote(boundary))) {
                int split = part.indexOf("\r\n\r\n");
                if (split < 0) {
                    continue;
                }
                String head = part.substring(0, split);
                Matcher name = Pattern.compile("name=\"([^\"]+)\"").matcher(head);
                Matcher file = Pattern.compile("filename=\"([^\"]+)\"").matcher(head);
                if (file.find()) {
                    files.add(file.group(1));
                } else if (name.find() && name.group(1).equals("payload_json")) {
                    String value = part.substring(split + 4).replaceAll("\r\n$", "");
                    payload = json.readTree(value.getBytes(StandardCharsets.ISO_8859_1));
                }
            }
            return payload;
        }
        return json.readTree(raw);
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (status == 204) {
            exchange.sendResponseHeaders(204, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        http.stop(0);
        try {
            gateway.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The gateway: hello, identify, READY and GUILD_CREATE, heartbeat ACKs, dispatches. */
    private final class Gateway extends WebSocketServer {
        private final List<Long> identified = new CopyOnWriteArrayList<>();
        private final AtomicInteger sessions = new AtomicInteger();
        private final AtomicInteger seq = new AtomicInteger();
        private volatile WebSocket bot;
        private volatile boolean listening;
        private volatile boolean readsContent = true;

        Gateway(InetSocketAddress address) {
            super(address);
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            conn.send("{\"op\":10,\"d\":{\"heartbeat_interval\":41250},\"s\":null,\"t\":null}");
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            try {
                JsonNode in = json.readTree(message);
                int op = in.path("op").asInt();
                if (op == 1) {
                    conn.send("{\"op\":11,\"d\":null,\"s\":null,\"t\":null}");
                } else if (op == 2) {
                    long intents = in.path("d").path("intents").asLong();
                    identified.add(intents);
                    if (refuseContent && (intents & MESSAGE_CONTENT) != 0) {
                        conn.close(4014, "Disallowed intent(s).");
                        return;
                    }
                    readsContent = (intents & MESSAGE_CONTENT) != 0;
                    sessions.incrementAndGet();
                    bot = conn;
                    seq.set(0);
                    ObjectNode ready = json.createObjectNode()
                            .put("v", 10)
                            .put("session_id", "session-" + sessions.get())
                            .put("resume_gateway_url", gatewayUrl());
                    ready.set(
                            "user",
                            user(BOT, "MLR-Copilot")
                                    .put("bot", true)
                                    .put("verified", true)
                                    .put("mfa_enabled", false)
                                    .put("flags", 0));
                    ready.putArray("guilds").addObject().put("id", GUILD).put("unavailable", true);
                    ready.putObject("application").put("id", APP).put("flags", 0);
                    ready.putArray("private_channels");
                    ready.putArray("relationships");
                    ready.putArray("presences");
                    ready.putArray("_trace").add("fake-discord");
                    send(conn, "READY", ready);
                    send(conn, "GUILD_CREATE", guild());
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        void dispatch(String type, ObjectNode d) {
            WebSocket conn = bot;
            if (conn == null || !conn.isOpen()) {
                throw new IllegalStateException("the bot is not connected to the fake gateway");
            }
            send(conn, type, d);
        }

        private synchronized void send(WebSocket conn, String type, ObjectNode d) {
            ObjectNode out = json.createObjectNode()
                    .put("op", 0)
                    .put("s", seq.incrementAndGet())
                    .put("t", type);
            out.set("d", d);
            conn.send(out.toString());
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

        @Override
        public void onError(WebSocket conn, Exception ex) {}

        @Override
        public void onStart() {
            listening = true;
        }
    }
}
