package org.mlrcopilot.bot.llm;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Collects a streamed answer: the partial texts and the complete response or the error. */
final class StreamCollector implements StreamingChatResponseHandler {

    private final StringBuffer partials = new StringBuffer();
    private final CompletableFuture<ChatResponse> done = new CompletableFuture<>();

    @Override
    public void onPartialResponse(String partialResponse) {
        partials.append(partialResponse);
    }

    @Override
    public void onCompleteResponse(ChatResponse completeResponse) {
        done.complete(completeResponse);
    }

    @Override
    public void onError(Throwable error) {
        done.completeExceptionally(error);
    }

    String partialText() {
        return partials.toString();
    }

    /** The complete response; an error reported to the handler is thrown as it was reported. */
    ChatResponse await(Duration timeout) throws Throwable {
        try {
            return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionError("no streamed answer within " + timeout, e);
        }
    }
}
