/**
 * Experiment tasks in the MLAgentBench layout ({@code env/} starter workspace, hidden {@code scripts/}),
 * the agent's private copy of a task's workspace, and scoring in the sandbox.
 */
package org.mlrcopilot.agents.task;
