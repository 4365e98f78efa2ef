package org.mlrcopilot.config;

import static org.mlrcopilot.config.Key.FETCH_ALLOW_PRIVATE_ADDRESSES;
import static org.mlrcopilot.config.Key.FETCH_CALL_TIMEOUT;
import static org.mlrcopilot.config.Key.FETCH_CONNECT_TIMEOUT;
import static org.mlrcopilot.config.Key.FETCH_MAX_BYTES;
import static org.mlrcopilot.config.Key.FETCH_READ_TIMEOUT;

import java.time.Duration;

/** Limits for downloading papers, code and data from the web. */
public record FetchConfig(
        boolean allowPrivateAddresses,
        long maxBytes,
        Duration connectTimeout,
        Duration readTimeout,
        Duration callTimeout) {

    public FetchConfig {
        FETCH_MAX_BYTES.require(maxBytes);
        FETCH_CONNECT_TIMEOUT.require(connectTimeout);
        FETCH_READ_TIMEOUT.require(readTimeout);
        FETCH_CALL_TIMEOUT.require(callTimeout);
    }

    static FetchConfig from(Values v) {
        return new FetchConfig(
                v.flag(FETCH_ALLOW_PRIVATE_ADDRESSES),
                v.number(FETCH_MAX_BYTES),
                v.duration(FETCH_CONNECT_TIMEOUT),
                v.duration(FETCH_READ_TIMEOUT),
                v.duration(FETCH_CALL_TIMEOUT));
    }
}
