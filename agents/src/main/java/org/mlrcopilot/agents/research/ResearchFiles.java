package org.mlrcopilot.agents.research;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Files the team posted in a research's thread, kept under {@code <dataDir>/files/<researchId>/} by a safe name; a
 * later file of the same name replaces the earlier one.
 */
final class ResearchFiles {

    private final Path root;
    private final Path papers;

    ResearchFiles(Path runsRoot) {
        this.root = runsRoot.toAbsolutePath().normalize().resolveSibling("files");
        this.papers = runsRoot.toAbsolutePath().normalize().resolveSibling(PAPERS);
    }

    /** Where posted PDFs are kept as {@code <sha256>.pdf}, next to the runs directory. */
    static final String PAPERS = "posted-papers";

    /** Keeps a posted paper by its SHA-256. */
    void savePaper(String sha256, byte[] content) {
        Path target = papers.resolve(sha256 + ".pdf");
        try {
            Files.createDirectories(papers);
            if (!Files.exists(target)) {
                Files.write(target, content);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the posted paper", e);
        }
    }

    Path save(String researchId, String name, byte[] content) {
        Path target = dir(researchId).resolve(safe(name));
        try {
            Files.createDirectories(target.getParent());
            Files.write(target, content);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the posted file " + name, e);
        }
    }

    /** The research's files by name, in name order. */
    Map<String, Path> of(String researchId) {
        Path dir = dir(researchId);
        Map<String, Path> out = new LinkedHashMap<>();
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .sorted()
                    .forEach(p -> out.put(p.getFileName().toString(), p));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the files of " + researchId, e);
        }
        return out;
    }

    private Path dir(String researchId) {
        return root.resolve(safe(ResearchIds.require(researchId, "researchId")));
    }

    static String safe(String name) {
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1)
                .replaceAll("[^A-Za-z0-9._-]", "_")
                .replaceAll("^[._]+", "");
        base = base.length() > 100 ? base.substring(base.length() - 100) : base;
        return base.isEmpty() ? "file" : base;
    }
}
