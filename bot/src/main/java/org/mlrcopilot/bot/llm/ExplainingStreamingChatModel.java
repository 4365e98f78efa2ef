package org.mlrcopilot.bot.llm;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.Objects;
import java.util.Set;

/** A {@link StreamingChatModel} whose configuration errors reach the handler explained by an {@link ErrorExplainer}. */
final class ExplainingStreamingChatModel implements StreamingChatModel {

    private final StreamingChatModel delegate;
    private final ErrorExplainer explainer;

    ExplainingStreamingChatModel(StreamingChatModel delegate, ErrorExplainer explainer) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.explainer = Objects.requireNonNull(explainer, "explainer");
    }

    @Override
    public void chat(ChatRequest request, StreamingChatResponseHandler handler) {
        ExplainingHandler explaining = new ExplainingHandler(handler, explainer);
        try {
            delegate.chat(request, explaining);
        } catch (RuntimeException e) {
            throw explainer.explain(e);
        }
    }

    @Override
    public void chat(ChatRequest request, ChatRequestOptions options, StreamingChatResponseHandler handler) {
        ExplainingHandler explaining = new ExplainingHandler(handler, explainer);
        try {
            delegate.chat(request, options, explaining);
        } catch (RuntimeException e) {
            throw explainer.explain(e);
        }
    }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        chat(request, handler);
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return delegate.defaultRequestParameters();
    }

    @Override
    public Set<Capability> supportedCapabilities() {
        return delegate.supportedCapabilities();
    }

    @Override
    public ModelProvider provider() {
        return delegate.provider();
    }
}
