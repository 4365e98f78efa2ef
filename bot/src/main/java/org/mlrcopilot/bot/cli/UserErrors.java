package org.mlrcopilot.bot.cli;

import java.util.List;
import org.mlrcopilot.agents.fetch.FetchException;
import org.mlrcopilot.agents.paper.PaperNotFoundException;
import org.mlrcopilot.agents.paper.link.UnsupportedLinkException;
import org.mlrcopilot.agents.task.TaskException;
import org.mlrcopilot.agents.task.WorkspaceException;
import org.mlrcopilot.agents.usage.BudgetExceededException;
import org.mlrcopilot.bot.store.StoreException;
import org.mlrcopilot.config.ConfigException;
import org.mlrcopilot.papers.pdf.PdfException;
import org.mlrcopilot.sandbox.SandboxException;

/** Failures whose message is written for the person at the terminal: printed as one line, no stack trace. */
final class UserErrors {

    private static final List<Class<? extends RuntimeException>> USER_FACING = List.of(
            ConfigException.class,
            SandboxException.class,
            IllegalArgumentException.class,
            UnsupportedLinkException.class,
            PaperNotFoundException.class,
            FetchException.class,
            PdfException.class,
            BudgetExceededException.class,
            TaskException.class,
            WorkspaceException.class,
            StoreException.class);

    private UserErrors() {}

    static boolean userFacing(Throwable e) {
        return USER_FACING.stream().anyMatch(c -> c.isInstance(e)) || hasUserFacingName(e);
    }

    /** Errors of the LLM layer (configuration, malformed output) are user-facing by name. */
    private static boolean hasUserFacingName(Throwable e) {
        String name = e.getClass().getSimpleName();
        return name.equals("LlmConfigurationException") || name.equals("LlmOutputException");
    }

    /** 2 for configuration and sandbox problems, 4 for everything about the input or the services. */
    static int exitCode(Throwable e) {
        return e instanceof ConfigException || e instanceof SandboxException ? 2 : 4;
    }
}
