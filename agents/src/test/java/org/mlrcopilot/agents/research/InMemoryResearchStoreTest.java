package org.mlrcopilot.agents.research;

/** The in-memory store the service's tests use keeps the store contract. */
class InMemoryResearchStoreTest extends ResearchStoreContract<InMemoryResearchStore> {

    @Override
    protected InMemoryResearchStore open() {
        return new InMemoryResearchStore();
    }
}
