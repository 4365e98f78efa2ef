package org.mlrcopilot.agents.idea;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The review step's answer. */
record ReviewsAnswer(List<ReviewDraft> reviews) {

    ReviewsAnswer {
        reviews = List.copyOf(reviews);
    }

    /** Fails unless every id is reviewed exactly once and the ranks are 1..n, each used once. */
    void check(List<String> ids) {
        List<String> reviewed = reviews.stream().map(ReviewDraft::id).toList();
        if (reviewed.size() != ids.size() || !new HashSet<>(reviewed).equals(new HashSet<>(ids))) {
            throw new InvalidAnswer("expected exactly one review for each of " + ids + " but got reviews for "
                    + reviewed);
        }
        Set<Integer> ranks = reviews.stream().map(ReviewDraft::rank).collect(Collectors.toCollection(TreeSet::new));
        if (ranks.size() != ids.size() || ranks.stream().anyMatch(r -> r < 1 || r > ids.size())) {
            throw new InvalidAnswer("ranks must be 1.." + ids.size() + ", each used once, but were "
                    + reviews.stream().map(ReviewDraft::rank).toList());
        }
    }

    Review of(String id) {
        return reviews.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow().review();
    }
}
