package org.mlrcopilot.agents.idea;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/** The review step's answer. */
record ReviewsAnswer(List<ReviewDraft> reviews) {

    ReviewsAnswer {
        reviews = List.copyOf(reviews);
    }

    /**
     * One review per id with ranks 1..n, tolerating what small models get wrong: reviews whose ids are unusable
     * (renamed, missing, repeated) are matched by position when their count is right, a repeated id keeps its first
     * review, and ranks that are not a permutation of 1..n are derived from the scores (then the stated rank, then
     * the order). Fails, naming the problem, only when some id cannot be given a review.
     */
    ReviewsAnswer normalized(List<String> ids) {
        List<ReviewDraft> matched = matched(ids);
        List<Integer> stated = matched.stream().map(ReviewDraft::rank).toList();
        Set<Integer> distinct = new HashSet<>(stated);
        boolean permutation = !stated.contains(null)
                && distinct.size() == ids.size()
                && distinct.stream().allMatch(r -> r >= 1 && r <= ids.size());
        if (permutation) {
            return new ReviewsAnswer(matched);
        }
        List<Integer> order = IntStream.range(0, matched.size())
                .boxed()
                .sorted(Comparator.comparingDouble(
                                (Integer i) -> -matched.get(i).overall())
                        .thenComparingInt(i ->
                                matched.get(i).rank() == null || matched.get(i).rank() < 1
                                        ? Integer.MAX_VALUE
                                        : matched.get(i).rank())
                        .thenComparingInt(i -> i))
                .toList();
        List<ReviewDraft> ranked = new ArrayList<>(matched);
        for (int position = 0; position < order.size(); position++) {
            int i = order.get(position);
            ranked.set(i, matched.get(i).as(matched.get(i).id(), position + 1));
        }
        return new ReviewsAnswer(ranked);
    }

    private List<ReviewDraft> matched(List<String> ids) {
        Map<String, ReviewDraft> byId = new LinkedHashMap<>();
        reviews.stream().filter(r -> ids.contains(r.id())).forEach(r -> byId.putIfAbsent(r.id(), r));
        if (byId.size() == ids.size()) {
            return ids.stream().map(byId::get).toList();
        }
        if (reviews.size() == ids.size()) {
            return IntStream.range(0, ids.size())
                    .mapToObj(i -> reviews.get(i).as(ids.get(i), rankOf(reviews.get(i))))
                    .toList();
        }
        throw new InvalidAnswer("expected exactly one review for each of " + ids + " but got reviews for "
                + reviews.stream().map(ReviewDraft::id).toList());
    }

    private static int rankOf(ReviewDraft r) {
        return r.rank() == null ? 0 : r.rank();
    }

    Review of(String id) {
        return reviews.stream()
                .filter(r -> r.id().equals(id))
                .findFirst()
                .orElseThrow()
                .review();
    }
}
