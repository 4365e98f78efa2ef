package org.mlrcopilot.agents.idea;

/** What the team said about a hypothesis: comments verbatim and votes. */
public record HumanFeedback(java.util.List<String> comments, int upVotes, int downVotes) {

    public HumanFeedback {
        comments = Texts.list(comments, "comments");
        if (upVotes < 0 || downVotes < 0) {
            throw new IllegalArgumentException("votes must be >= 0: " + upVotes + " up, " + downVotes + " down");
        }
        if (comments.isEmpty() && upVotes + downVotes == 0) {
            throw new IllegalArgumentException("feedback needs a comment or a vote");
        }
    }
}
