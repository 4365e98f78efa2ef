package org.mlrcopilot.agents.llm;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.Objects;
import java.util.Set;

/**
 * A chat model that wraps another: every call goes through {@link #chat(ChatRequest)}, which a subclass overrides to
 * add what it adds (metering, explained errors); what the model is (its default parameters, capabilities and
 * provider) is the wrapped model's.
 */
public abstract class DelegatingChatModel implements ChatModel {

    protected final ChatModel delegate;

    protected DelegatingChatModel(ChatModel delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public abstract ChatResponse chat(ChatRequest request);

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
}
