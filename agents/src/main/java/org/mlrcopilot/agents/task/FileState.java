package org.mlrcopilot.agents.task;

import java.nio.file.Path;

/** What a diff knows of one file: its text, or for binary and large files only size and hash. */
record FileState(String text, long size, String sha256) {

    static FileState of(Path file) {
        String text = FileTrees.textOrNull(file);
        return text != null ? new FileState(text, text.length(), null) : binary(file);
    }

    static FileState binary(Path file) {
        try {
            return new FileState(null, java.nio.file.Files.size(file), FileTrees.sha256(file));
        } catch (java.io.IOException e) {
            throw new WorkspaceException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    boolean isText() {
        return text != null;
    }

    boolean sameAs(FileState other) {
        if (isText() && other.isText()) {
            return text.equals(other.text);
        }
        return !isText() && !other.isText() && size == other.size && sha256.equals(other.sha256);
    }
}
