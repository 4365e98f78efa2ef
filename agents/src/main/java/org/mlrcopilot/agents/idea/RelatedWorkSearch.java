package org.mlrcopilot.agents.idea;

import org.mlrcopilot.agents.literature.LiteratureQuery;
import org.mlrcopilot.agents.literature.RelatedWork;

/** Finds work related to a paper, e.g. {@code RelatedWorkFinder::find}. */
@FunctionalInterface
public interface RelatedWorkSearch {

    RelatedWork find(LiteratureQuery query);
}
