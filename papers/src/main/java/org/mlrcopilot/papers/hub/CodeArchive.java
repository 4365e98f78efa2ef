package org.mlrcopilot.papers.hub;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.mlrcopilot.agents.fetch.FetchException;
import org.mlrcopilot.agents.setup.CodeRecord;
import org.mlrcopilot.agents.setup.SetupException;
import org.mlrcopilot.papers.fetch.FetchRequest;
import org.mlrcopilot.papers.fetch.GuardedHttpClient;

/**
 * The paper's code from GitHub: the repository's archive from the REST API's documented
 * {@code GET /repos/{owner}/{repo}/zipball} (which redirects to the archive host), fetched through the guarded client
 * and unpacked under a directory with caps on packed and unpacked bytes and on the number of files. Entries are
 * written as plain files only (a symbolic link in the archive becomes a small text file), and no path may leave the
 * directory.
 */
final class CodeArchive {

    static final int MAX_FILES = 5_000;
    private static final Pattern GITHUB =
            Pattern.compile("(?i)^https?://(?:www\\.)?github\\.com/([\\w.-]+)/([\\w.-]+)");

    private final GuardedHttpClient http;
    private final URI api;
    private final long maxBytes;

    CodeArchive(GuardedHttpClient http, URI api, long maxBytes) {
        this.http = http;
        this.api = URI.create(api.toString().endsWith("/") ? api.toString() : api + "/");
        this.maxBytes = maxBytes;
    }

    /** owner/name of the first GitHub repository among the links. */
    static Optional<String[]> repository(List<String> links) {
        for (String link : links) {
            Matcher m = GITHUB.matcher(link.strip());
            if (m.find()) {
                return Optional.of(new String[] {m.group(1), m.group(2).replaceFirst("\\.git$", ""), link.strip()});
            }
        }
        return Optional.empty();
    }

    /** Fetches and unpacks the repository into {@code target}; throws SetupException with the reason. */
    CodeRecord fetch(String owner, String repo, String link, Path target) {
        byte[] zip;
        try {
            zip = http.get(FetchRequest.get(api.resolve("repos/" + owner + "/" + repo + "/zipball"))
                            .header("Accept", "application/vnd.github+json")
                            .deadline(Duration.ofMinutes(5))
                            .retries(2))
                    .body();
        } catch (FetchException e) {
            throw new SetupException(
                    e.kind() == FetchException.Kind.TOO_LARGE
                            ? owner + "/" + repo + "'s archive is larger than experiment.maxCodeBytes"
                            : "fetching " + owner + "/" + repo + " failed: " + e.getMessage(),
                    e);
        }
        if (zip.length > maxBytes) {
            throw new SetupException(owner + "/" + repo + "'s archive is larger than experiment.maxCodeBytes");
        }
        Unpacked u = unpack(zip, target, maxBytes);
        return new CodeRecord(owner + "/" + repo, link, u.files(), u.bytes());
    }

    record Unpacked(int files, long bytes) {}

    static Unpacked unpack(byte[] zip, Path target, long maxBytes) {
        Path root = target.toAbsolutePath().normalize();
        int files = 0;
        long bytes = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            Files.createDirectories(root);
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                String name = stripTop(e.getName());
                if (e.isDirectory() || name.isEmpty()) {
                    continue;
                }
                Path file = root.resolve(name).normalize();
                if (!file.startsWith(root) || name.startsWith("/") || name.contains("\\")) {
                    throw new SetupException("the code archive holds a path leaving its directory: " + e.getName());
                }
                if (++files > MAX_FILES) {
                    throw new SetupException("the code archive holds more than " + MAX_FILES + " files");
                }
                Files.createDirectories(file.getParent());
                bytes += copy(in, file, maxBytes - bytes);
            }
        } catch (IOException e) {
            throw new SetupException("the code archive cannot be unpacked: " + e.getMessage(), e);
        }
        if (files == 0) {
            throw new SetupException("the code archive is empty or not a zip archive");
        }
        return new Unpacked(files, bytes);
    }

    private static long copy(InputStream in, Path file, long left) throws IOException {
        long written = 0;
        byte[] buffer = new byte[8192];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                written += n;
                if (written > left) {
                    throw new SetupException("the unpacked code is larger than experiment.maxCodeBytes");
                }
                out.write(buffer, 0, n);
            }
        }
        return written;
    }

    /** GitHub archives put everything under one "owner-repo-sha/" directory. */
    private static String stripTop(String name) {
        int slash = name.indexOf('/');
        return slash < 0 ? name : name.substring(slash + 1);
    }
}
