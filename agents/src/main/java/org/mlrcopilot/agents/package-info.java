/**
 * The research core: reading papers, generating hypotheses and experiment plans (IdeaAgent),
 * implementing and running experiments in the sandbox (ExperimentAgent), and the use cases the
 * chat service calls. Depends on the sandbox module and on LLM interfaces only.
 */
package org.mlrcopilot.agents;
