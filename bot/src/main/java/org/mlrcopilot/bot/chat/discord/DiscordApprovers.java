package org.mlrcopilot.bot.chat.discord;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import org.mlrcopilot.bot.chat.ChatPlatform.Approval;

/**
 * Discord's own rule for who approves runs: the members of the approver role, known by its id (anyone who may create
 * roles can give one the approver role's name). Each person's role ids are remembered from their latest event.
 */
final class DiscordApprovers {

    private final String approverRole;
    private final Supplier<JDA> jda;
    private final Map<String, Set<String>> roles = new ConcurrentHashMap<>();
    private volatile String approverRoleName = "";

    /** @param approverRole the role's id, "" for none (then service.approvers decides) */
    DiscordApprovers(String approverRole, Supplier<JDA> jda) {
        this.approverRole = approverRole;
        this.jda = jda;
    }

    void rolesOf(Member member) {
        if (member != null) {
            Set<String> ids = ConcurrentHashMap.newKeySet();
            member.getRoles().forEach(r -> {
                ids.add(r.getId());
                if (r.getId().equals(approverRole)) {
                    approverRoleName = r.getName();
                }
            });
            roles.put(member.getId(), ids);
        }
    }

    Optional<Approval> approval(String user) {
        if (approverRole.isBlank()) {
            return Optional.empty();
        }
        boolean allowed = roles.getOrDefault(user, Set.of()).contains(approverRole);
        JDA current = jda.get();
        Role known = current == null ? null : current.getRoleById(approverRole);
        String name = known != null ? known.getName() : approverRoleName;
        return Optional.of(new Approval(allowed, "someone with the role " + (name.isBlank() ? approverRole : name)));
    }
}
