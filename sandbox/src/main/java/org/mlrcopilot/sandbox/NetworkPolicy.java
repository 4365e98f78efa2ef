package org.mlrcopilot.sandbox;

/** Whether the code may reach a network. Experiments run with NONE; only task preparation may ask for more. */
public enum NetworkPolicy {
    NONE,
    OUTBOUND
}
