package org.mlrcopilot.bot.conversation;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import org.mlrcopilot.agents.research.Research;
import org.mlrcopilot.agents.research.ResearchService;
import org.mlrcopilot.agents.usage.UsageTotals;
import org.mlrcopilot.bot.chat.Inbound;

/** The {@code /mlr} commands other than {@code paper}: help, status, stop, budget. Answers go to the caller. */
final class Commands {

    static final String HELP = """
            *MLR-Copilot* reads a paper, proposes research hypotheses with experiment plans, and runs the one you \
            approve in a sandbox.
            • Post a paper link (arXiv, OpenReview, ACL Anthology, DOI or PDF) and I start a thread.
            • In the thread: :+1: / :-1: vote on a hypothesis, :rocket: or *Run experiment* approves a run, \
            :repeat: drafts new hypotheses, replies are feedback (name H1, H2… to aim it), *Refine* revises.
            • During a run: reply to give the agent feedback or answer its question; *stop*, *pause*, *resume*.
            • Commands: /mlr paper <link> · /mlr status · /mlr stop <run> · /mlr budget · /mlr link · /mlr help""";

    private final ResearchService service;
    private final ConversationStores stores;
    private final java.util.function.BinaryOperator<String> teams;
    private final double perDayUsd;

    private final Replies replies;
    private final Authority authority;

    /** @param teams (platform, channel) to the team charged there ({@code ChatPlatform.team}) */
    Commands(
            ResearchService service,
            ConversationStores stores,
            java.util.function.BinaryOperator<String> teams,
            double perDayUsd,
            Replies replies,
            Authority authority) {
        this.service = service;
        this.stores = stores;
        this.teams = teams;
        this.perDayUsd = perDayUsd;
        this.replies = replies;
        this.authority = authority;
    }

    String run(Inbound.Command c) {
        return switch (c.name()) {
            case "status" -> status();
            case "stop" -> {
                replies.stop(service, c.args().strip(), c.platform(), c.channel(), c.user(), c.userName());
                yield "Stopping " + c.args().strip();
            }
            case "budget" -> budget(teams.apply(c.platform(), c.channel()));
            case "link" ->
                authority
                        .people()
                        .linkCode(c.platform(), c.user())
                        .map(code -> "Your one-time link code is " + code
                                + " (10 minutes). Sign in to the web chat, open /link.html and enter it: then what you approve "
                                + "here counts as your account's, with its role.")
                        .orElse("Linking needs sign-in in the web " + "chat (web.auth=local).");
            default -> HELP;
        };
    }

    private String status() {
        StringBuilder out = new StringBuilder("Recent researches:");
        for (Research r : stores.researches().recent(10)) {
            out.append("\n• ")
                    .append(r.id())
                    .append(" ")
                    .append(r.status().name().toLowerCase(Locale.ROOT))
                    .append(": ")
                    .append(r.title().isBlank() ? Messages.source(r.link()) : r.title())
                    .append(" (")
                    .append(r.detail())
                    .append(")");
            stores.runs().runs(r.id()).stream()
                    .filter(run -> !run.status().finished())
                    .forEach(run -> out.append("\n   run ")
                            .append(run.id())
                            .append(" step ")
                            .append(run.step())
                            .append("/")
                            .append(run.maxSteps()));
        }
        return out.length() == "Recent researches:".length() ? "No researches yet: post a paper link." : out.toString();
    }

    /** The home of one person: their researches, the runs in progress, today's spending, how to start. */
    String home(String platform, String user) {
        StringBuilder out = new StringBuilder("*Your researches*");
        stores.researches().recent(50).stream()
                .filter(r -> r.platform().equals(platform) && r.requester().equals(user))
                .limit(10)
                .forEach(r -> out.append("\n• ")
                        .append(r.title().isBlank() ? Messages.source(r.link()) : r.title())
                        .append(" — ")
                        .append(r.status().name().toLowerCase(Locale.ROOT))
                        .append(": ")
                        .append(r.detail()));
        if (out.length() == "*Your researches*".length()) {
            out.append("\nNone yet: mention me with a paper link, or /mlr paper <link>.");
        }
        out.append("\n\n*Running experiments*");
        int before = out.length();
        stores.runs()
                .activeRuns()
                .forEach(run -> out.append("\n• ")
                        .append(run.id())
                        .append(" (")
                        .append(run.hypothesisId())
                        .append(") step ")
                        .append(run.step())
                        .append("/")
                        .append(run.maxSteps()));
        if (out.length() == before) {
            out.append("\nNone.");
        }
        out.append("\n\n*Settings*\nApprovers: ")
                .append(authority.approvers().isEmpty() ? "anyone" : String.join(", ", authority.approvers()))
                .append("\n")
                .append(budget(teams.apply(platform, "")));
        return out.toString();
    }

    private String budget(String team) {
        UsageTotals today = stores.usage().forTeamOn(team, LocalDate.now(ZoneOffset.UTC));
        return String.format(
                Locale.ROOT,
                "Today: $%.4f of $%.2f (%,d tokens in %d model calls)",
                today.costUsd(),
                perDayUsd,
                today.tokens(),
                today.calls());
    }
}
