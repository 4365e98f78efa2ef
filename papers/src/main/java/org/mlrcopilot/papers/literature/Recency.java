package org.mlrcopilot.papers.literature;

/** What counts as recent: published in {@code currentYear - recentYears} or later. */
record Recency(int currentYear, int recentYears) {

    int fromYear() {
        return currentYear - recentYears;
    }

    boolean recent(Integer year) {
        return year != null && year >= fromYear();
    }

    /** 1 for this year, falling to 0 just before {@link #fromYear()}; 0 when unknown. */
    double bonus(Integer year) {
        if (year == null) {
            return 0;
        }
        double age = Math.max(0, currentYear - year);
        return Math.max(0, 1 - age / (recentYears + 1));
    }
}
