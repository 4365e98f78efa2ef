package org.mlrcopilot.papers.fetch;

import java.net.UnknownHostException;

/** Raised inside the HTTP engine (name resolution, connected peer) when an address is refused. */
final class BlockedAddressException extends UnknownHostException {

    BlockedAddressException(String message) {
        super(message);
    }
}
