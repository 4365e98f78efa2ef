package org.mlrcopilot.papers.fetch;

import java.net.Proxy;
import okhttp3.OkHttpClient;

/**
 * Builds the okhttp client: no proxy, no automatic redirects, guarded DNS and peer. Connection failures may
 * move on to the next address of a host; status-based retries are ours.
 */
final class HttpEngine {

    private HttpEngine() {}

    static OkHttpClient build(FetchPolicy policy, AddressGuard guard, ClientHooks hooks) {
        return new OkHttpClient.Builder()
                .proxy(Proxy.NO_PROXY)
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(true)
                .connectTimeout(policy.connectTimeout())
                .readTimeout(policy.readTimeout())
                .writeTimeout(policy.readTimeout())
                .callTimeout(policy.callTimeout())
                .dns(new GuardedDns(hooks.resolver(), guard))
                .socketFactory(hooks.socketFactory())
                .addNetworkInterceptor(new PeerCheck(guard))
                .addNetworkInterceptor(new HeldRetryAfter())
                .build();
    }
}
