package org.mlrcopilot.bot.conversation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.mlrcopilot.agents.research.Approver;
import org.mlrcopilot.bot.chat.ChatPlatform;

/**
 * Who may approve runs and control them, whatever the platform: the one place that decides. People are known by
 * immutable ids only, never by display names (which their owners can change):
 * <ol>
 *   <li>someone with a web account (or a chat identity linked to one) has their account's role;</li>
 *   <li>else someone named in {@code service.approvers} by id ({@code slack:U0123}, {@code discord:8123…},
 *       {@code web:<id>}, or the bare id) approves;</li>
 *   <li>else the platform's own rule decides where it has one (the Discord approver role, by role id);</li>
 *   <li>else, when nobody is named and no rule is set, anyone in the chat approves (one person, or a trusting team).</li>
 * </ol>
 */
final class Authority {

    /** Whoever acts: their platform, the channel, their immutable id and their display name (shown only). */
    record Actor(String platform, String channel, String user, String userName) {}

    /**
     * The decision: whether they may, the name to show and record for them (a linked account's name), and who may
     * (for a refusal).
     */
    record Decision(boolean allowed, String name, String whoMay) {}

    private final Supplier<List<String>> configured;
    private final Map<String, ChatPlatform> platforms;
    private final People people;

    /** @param approvers {@code service.approvers}, read at each decision */
    Authority(Supplier<List<String>> approvers, Map<String, ChatPlatform> platforms, People people) {
        this.configured = approvers;
        this.platforms = platforms;
        this.people = people;
    }

    People people() {
        return people;
    }

    /** Whether the actor may approve an experiment run (and so spend the team's budget): the verdict the service gets. */
    Approver mayApprove(Actor a) {
        List<String> approvers = approvers();
        Optional<People.Linked> person = people.linked(a.platform(), a.user());
        if (person.isPresent()) {
            return new Approver(person.get().name(), person.get().mayApprove(), "an approver or an admin");
        }
        if (named(a)) {
            return Approver.allowed(a.userName());
        }
        ChatPlatform chat = platforms.get(a.platform());
        Optional<ChatPlatform.Approval> rule = chat == null ? Optional.empty() : chat.approval(a.channel(), a.user());
        if (rule.isPresent()) {
            return new Approver(
                    a.userName(),
                    rule.get().allowed(),
                    rule.get().who() + (approvers.isEmpty() ? "" : " or one of " + String.join(", ", approvers)));
        }
        return new Approver(a.userName(), approvers.isEmpty(), "one of " + String.join(", ", approvers));
    }

    /**
     * Whether the actor may stop, pause or resume a run: whoever may approve, and the person who asked for the
     * research or approved the run.
     */
    Decision mayControl(Actor a, String requester, String approver) {
        Approver approve = mayApprove(a);
        if (approve.allowed() || a.user().equals(requester) || approve.name().equals(approver)) {
            return new Decision(true, approve.name(), "");
        }
        return new Decision(false, approve.name(), approve.whoMay() + ", or who asked for the research");
    }

    private boolean named(Actor a) {
        List<String> approvers = approvers();
        return approvers.contains(a.platform() + ":" + a.user()) || approvers.contains(a.user());
    }

    /** The approvers as configured, for display. */
    List<String> approvers() {
        List<String> list = configured.get();
        return list == null ? List.of() : list;
    }
}
