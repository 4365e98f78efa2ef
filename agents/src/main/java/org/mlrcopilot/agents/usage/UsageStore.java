package org.mlrcopilot.agents.usage;

import java.time.LocalDate;
import java.util.List;

/** Where LLM usage is kept (the service's store implements it durably). */
public interface UsageStore {

    void record(Usage usage);

    UsageTotals forResearch(String researchId);

    /** Totals of one team on one UTC day. */
    UsageTotals forTeamOn(String team, LocalDate day);

    List<Usage> ofResearch(String researchId);
}
