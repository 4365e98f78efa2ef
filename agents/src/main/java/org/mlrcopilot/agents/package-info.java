/**
 * The research core: generating hypotheses and experiment plans (IdeaAgent), setting experiments up,
 * implementing and running them in the sandbox (ExperimentAgent), and the use cases the chat service
 * calls, with their records (papers, related work, set-up records) and the ports they need (reading
 * papers, related work, downloads). Depends on the sandbox module and on LLM interfaces only; the
 * outbound I/O behind the ports is the papers module.
 */
package org.mlrcopilot.agents;
