package org.mlrcopilot.bot.llm;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.Objects;
import java.util.Set;

/** A {@link ChatModel} whose configuration errors are explained by an {@link ErrorExplainer}. */
final class ExplainingChatModel implements ChatModel {

    private final ChatModel delegate;
    private final ErrorExplainer explainer;

    ExplainingChatModel(ChatModel delegate, ErrorExplainer explainer) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.explainer = Objects.requireNonNull(explainer, "explainer");
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        try {
            return delegate.chat(request);
        } catch (RuntimeException e) {
            throw explainer.explain(e);
        }
    }

    @Override
    public ChatResponse chat(ChatRequest request, ChatRequestOptions options) {
        try {
            return delegate.chat(request, options);
        } catch (RuntimeException e) {
            throw explainer.explain(e);
        }
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        return chat(request);
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

    @Override
    public String toString() {
        return "ExplainingChatModel[" + explainer.settings().provider().configName() + " " + explainer.model() + "]";
    }
}
