package org.mlrcopilot.bot.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;

/**
 * The password of the H2 database in a data directory: generated when the database is made, kept in
 * {@code <dataDir>/mlr.key}, readable by its owner only. A database made before it had a password (administrator ""
 * with an empty password) is given one the first time it is opened. The new key is written to {@code mlr.key.new}
 * first and moved into place only once the database has it, so a stop in between leaves a key that opens it.
 */
final class H2Password {

    private static final String KEY = "mlr.key";
    private static final String NEXT = "mlr.key.new";
    /** H2's "wrong user name or password" (ErrorCode.WRONG_USER_OR_PASSWORD). */
    private static final int WRONG_PASSWORD = 28000;

    private H2Password() {}

    /** The password of the database at {@code url} in {@code dir}, made and set first when there is none yet. */
    static String of(Path dir, String url) {
        try {
            Path key = dir.resolve(KEY);
            if (Files.isRegularFile(key)) {
                return Files.readString(key, StandardCharsets.US_ASCII).strip();
            }
            Path next = dir.resolve(NEXT);
            String password = Files.isRegularFile(next)
                    ? Files.readString(next, StandardCharsets.US_ASCII).strip()
                    : write(next, generated());
            if (Files.isRegularFile(dir.resolve("mlr.mv.db"))) {
                givePassword(url, password);
            }
            Files.move(next, key, StandardCopyOption.ATOMIC_MOVE);
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the database password in " + dir.resolve(KEY), e);
        }
    }

    /** A database made without a password gets {@code password}; one that already has it is left as it is. */
    private static void givePassword(String url, String password) {
        try (Connection c = DriverManager.getConnection(url, "", "");
                Statement s = c.createStatement()) {
            // the password is base64url: nothing in it can end the quoted string
            s.execute("ALTER USER \"\" SET PASSWORD '" + password + "'");
        } catch (SQLException e) {
            if (e.getErrorCode() != WRONG_PASSWORD) {
                throw new StoreException(
                        "cannot open the store " + url.substring("jdbc:h2:file:".length()) + ": " + e.getMessage(), e);
            }
        }
    }

    private static String generated() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String write(Path file, String password) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        try (var channel = java.nio.channels.FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(java.nio.ByteBuffer.wrap(password.getBytes(StandardCharsets.US_ASCII)));
            channel.force(true);
        }
        return password;
    }
}
