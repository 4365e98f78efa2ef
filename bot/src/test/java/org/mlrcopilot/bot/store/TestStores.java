package org.mlrcopilot.bot.store;

/** Opens the store of one test; every call opens the same database again, as a restarted service would. */
@FunctionalInterface
public interface TestStores {

    Store open();
}
