package org.mlrcopilot.papers.fetch;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.Response;
import org.mlrcopilot.agents.fetch.FetchException;

/** Checks every URI before it is requested (the first one and each redirect hop). */
final class Targets {

    private static final Set<String> SCHEMES = Set.of("http", "https");
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final Pattern SCHEME = Pattern.compile("^\\s*([a-zA-Z][a-zA-Z0-9+.-]*):");

    private final AddressGuard guard;

    Targets(AddressGuard guard) {
        this.guard = guard;
    }

    /** The URI as an okhttp URL once scheme, user-info and (literal) address are acceptable. */
    HttpUrl check(URI uri) {
        String scheme = uri.getScheme();
        if (scheme == null || !SCHEMES.contains(scheme.toLowerCase(Locale.ROOT))) {
            throw unsupported(scheme == null ? "scheme-less" : scheme + ":");
        }
        HttpUrl url = HttpUrl.parse(uri.toString());
        if (url == null) {
            throw new FetchException(FetchException.Kind.UNKNOWN_HOST, "the link " + uri + " has no valid host name");
        }
        if (uri.getRawUserInfo() != null
                || !url.username().isEmpty()
                || !url.password().isEmpty()) {
            throw new FetchException(
                    FetchException.Kind.UNSUPPORTED_SCHEME,
                    "links with a user name or password (user@host) are not fetched; only plain http and https links are supported");
        }
        if (IpLiterals.looksNumeric(url.host())
                && IpLiterals.interpretations(url.host()).isEmpty()) {
            throw new FetchException(FetchException.Kind.UNKNOWN_HOST, url.host() + " is not a valid address");
        }
        guard.checkHost(url.host(), url.port());
        return url;
    }

    static boolean isRedirect(int status) {
        return REDIRECTS.contains(status);
    }

    /** Where a redirect response points, resolved against the URL that sent it (not yet checked). */
    static URI location(HttpUrl current, Response response) {
        String location = response.header("Location");
        if (location == null || location.isBlank()) {
            throw new FetchException(
                    FetchException.Kind.REDIRECT,
                    current.host() + " redirected (HTTP " + response.code() + ") without saying where to");
        }
        Matcher scheme = SCHEME.matcher(location);
        if (scheme.find() && !SCHEMES.contains(scheme.group(1).toLowerCase(Locale.ROOT))) {
            throw unsupported(scheme.group(1) + ":");
        }
        HttpUrl next = current.resolve(location.trim());
        if (next == null) {
            throw new FetchException(
                    FetchException.Kind.REDIRECT, current.host() + " redirected to an unusable location");
        }
        return next.uri();
    }

    private static FetchException unsupported(String scheme) {
        return new FetchException(
                FetchException.Kind.UNSUPPORTED_SCHEME,
                "cannot fetch " + scheme + " links; only http and https links are supported");
    }
}
