package org.mlrcopilot.agents.research;

import org.mlrcopilot.agents.idea.LlmOutputException;
import org.mlrcopilot.agents.paper.PaperNotFoundException;
import org.mlrcopilot.agents.paper.link.UnsupportedLinkException;
import org.mlrcopilot.agents.usage.BudgetExceededException;
import org.slf4j.LoggerFactory;

/** The short cause and the next step shown in the thread when a stage fails. */
record Failures(String cause, String nextStep) {

    static Failures reading(RuntimeException e) {
        if (e instanceof UnsupportedLinkException || e instanceof PaperNotFoundException) {
            return new Failures(message(e), "check the link and post it again in the channel");
        }
        int status = refusedWith(e);
        if (status == 401 || status == 403) {
            return new Failures(
                    "I could not read the paper: " + message(e),
                    "the page needs an account; post a "
                            + "link anyone can open (arXiv, OpenReview, ACL Anthology, a DOI) or attach the PDF");
        }
        if (status >= 400 && status < 500 && status != 429) {
            return new Failures(
                    "I could not read the paper: " + message(e),
                    "the link is wrong (there is no such " + "page): check it and post it again, or attach the PDF");
        }
        return new Failures("I could not read the paper: " + message(e), "try again later, or post a direct PDF link");
    }

    static Failures thinking(RuntimeException e) {
        if (e instanceof BudgetExceededException) {
            // the refusal names the budget that is spent (dollars or tokens, this research's or today's)
            return new Failures(
                    message(e),
                    "raise the budget it names (" + (message(e).contains("tokens") ? "budget.*Tokens" : "budget.*Usd")
                            + "), then react with :repeat: to try again");
        }
        if (e instanceof LlmOutputException) {
            return new Failures(
                    "the language model's answer was unusable: " + message(e), "react with :repeat: to try again");
        }
        LoggerFactory.getLogger("mlr.research").warn("language model call failed", e);
        return new Failures(
                "the language model call failed: " + plainly(e) + " (details in the service log)",
                "react with :repeat: to try again");
    }

    /**
     * What went wrong with a model call, in one plain phrase: the provider's own error text (which may carry
     * account details, request ids or paths) stays in the service's log.
     */
    static String plainly(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof dev.langchain4j.exception.AuthenticationException) {
                return "the provider refused the API key";
            }
            if (t instanceof dev.langchain4j.exception.RateLimitException) {
                return "the provider is rate-limiting this key";
            }
            if (t instanceof dev.langchain4j.exception.TimeoutException
                    || t instanceof java.net.SocketTimeoutException) {
                return "the provider did not answer in time";
            }
            if (t instanceof dev.langchain4j.exception.ModelNotFoundException) {
                return "the provider does not know the configured model";
            }
            if (t instanceof dev.langchain4j.exception.ContentFilteredException) {
                return "the provider's content filter refused the request";
            }
            if (t instanceof dev.langchain4j.exception.InternalServerException) {
                return "the provider had an internal error";
            }
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException) {
                return "the provider could not be reached";
            }
            if (t instanceof dev.langchain4j.exception.HttpException http) {
                return "the provider answered with HTTP " + http.statusCode();
            }
        }
        return e.getClass().getSimpleName();
    }

    /** The HTTP status a site refused the fetch with (anywhere among the causes), 0 when none. */
    private static int refusedWith(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.mlrcopilot.agents.fetch.FetchException f
                    && f.kind() == org.mlrcopilot.agents.fetch.FetchException.Kind.HTTP_STATUS) {
                return f.status();
            }
        }
        return 0;
    }

    static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.strip();
    }
}
