package org.mlrcopilot.sandbox.docker;

/** The same contract with the workspace going through the engine's archive API (as for a remote engine). */
class DockerArchiveSandboxIT extends DockerSandboxIT {

    @Override
    protected boolean localTransfer() {
        return false;
    }
}
