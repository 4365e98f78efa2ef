package org.mlrcopilot.papers.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import okhttp3.ResponseBody;
import org.mlrcopilot.agents.fetch.FetchException;

/** Reads a response body, refusing it once it is known or seen to exceed the size cap. */
final class BodyReader {

    private static final int CHUNK = 8192;

    private BodyReader() {}

    /** Never holds more than maxBytes + 1 bytes. */
    static byte[] read(ResponseBody body, long maxBytes, String host) throws IOException {
        long declared = body.contentLength();
        if (declared > maxBytes) {
            throw tooLarge(host, maxBytes, " (it announces " + declared + " bytes)");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Math.max(declared, CHUNK), maxBytes));
        byte[] buffer = new byte[CHUNK];
        long total = 0;
        try (InputStream in = body.byteStream()) {
            int n;
            while ((n = in.read(buffer, 0, (int) Math.min(CHUNK, maxBytes + 1 - total))) >= 0) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge(host, maxBytes, "");
                }
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }

    private static FetchException tooLarge(String host, long maxBytes, String detail) {
        return new FetchException(
                FetchException.Kind.TOO_LARGE,
                "the file from " + host + " is larger than the " + human(maxBytes) + " limit (" + maxBytes + " bytes)"
                        + detail);
    }

    static String human(long bytes) {
        if (bytes >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        }
        if (bytes >= 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return bytes + " bytes";
    }
}
