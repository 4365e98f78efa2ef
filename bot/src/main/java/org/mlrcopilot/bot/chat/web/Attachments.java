package org.mlrcopilot.bot.chat.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mlrcopilot.bot.chat.OutboundMessage;

/**
 * Copies the files the bot attaches to {@code <dataDir>/web/files/<messageId>/<name>} at post time, so they
 * outlive run directories; names are reduced to safe characters and made unique within the message.
 */
final class Attachments {

    private final Path root;

    Attachments(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    List<WebMessage.File> keep(String messageId, List<OutboundMessage.Attachment> attachments) {
        List<WebMessage.File> out = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (OutboundMessage.Attachment a : attachments) {
            String name = unique(safe(a.name()), used);
            Path target = root.resolve(messageId).resolve(name);
            try {
                Files.createDirectories(target.getParent());
                Files.copy(a.file(), target, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot keep the attachment " + a.file(), e);
            }
            out.add(new WebMessage.File(name, a.contentType(), "/files/" + messageId + "/" + name));
        }
        return out;
    }

    /** A file name reduced to safe characters (no path, at most 100 characters), "file" when nothing is left. */
    static String safe(String name) {
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
        base = base.replaceAll("^\\.+", "");
        base = base.length() > 100 ? base.substring(base.length() - 100) : base;
        return base.isEmpty() ? "file" : base;
    }

    private static String unique(String name, Set<String> used) {
        String candidate = name;
        for (int i = 2; !used.add(candidate); i++) {
            int dot = name.lastIndexOf('.');
            candidate = dot > 0 ? name.substring(0, dot) + "-" + i + name.substring(dot) : name + "-" + i;
        }
        return candidate;
    }
}
