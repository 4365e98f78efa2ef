package org.mlrcopilot.bot.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.Objects;
import org.mlrcopilot.agents.llm.DelegatingChatModel;

/** A {@link ChatModel} whose configuration errors are explained by an {@link ErrorExplainer}. */
final class ExplainingChatModel extends DelegatingChatModel {

    private final ErrorExplainer explainer;

    ExplainingChatModel(ChatModel delegate, ErrorExplainer explainer) {
        super(delegate);
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
    public String toString() {
        return "ExplainingChatModel[" + explainer.settings().provider().configName() + " " + explainer.model() + "]";
    }
}
