package org.mlrcopilot.bot.chat.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import org.mlrcopilot.bot.http.RawEndpoint;

/** Slack's HTTP events URL: the raw request parsed by Bolt and run by the shared {@link App}. */
final class SlackEventsEndpoint implements RawEndpoint {

    private final App app;
    private final SlackRequestParser parser;

    SlackEventsEndpoint(App app) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
    }

    @Override
    public Reply handle(RawEndpoint.Request raw) {
        com.slack.api.bolt.request.Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder()
                .requestUri(raw.path())
                .queryString(raw.query())
                .headers(new RequestHeaders(raw.headers()))
                .requestBody(raw.body())
                .remoteAddress(raw.remoteAddress())
                .build());
        if (request == null) {
            return new Reply(400, "text/plain", "not a Slack request");
        }
        try {
            Response response = app.run(request);
            return new Reply(response.getStatusCode(), response.getContentType(), response.getBody());
        } catch (Exception e) {
            return new Reply(500, "text/plain", "error");
        }
    }
}
