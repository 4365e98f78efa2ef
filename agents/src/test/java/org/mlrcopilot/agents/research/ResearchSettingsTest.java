package org.mlrcopilot.agents.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResearchSettingsTest {

    @Test
    void anEmptyListLetsAnyoneApproveButNamesNobody() {
        ResearchSettings open = new ResearchSettings(List.of(), 3, 30);
        assertThat(open.mayApprove("U1", "ann")).isTrue();
        assertThat(open.names("U1", "ann")).isFalse();
    }

    @Test
    void approversAreNamedByIdOrDisplayName() {
        ResearchSettings listed = new ResearchSettings(List.of("U9", "rita"), 3, 30);
        assertThat(listed.mayApprove("U9", "someone")).isTrue();
        assertThat(listed.names("U2", "rita")).isTrue();
        assertThat(listed.mayApprove("U1", "ann")).isFalse();
        assertThat(listed.names("U1", "ann")).isFalse();
    }

    @Test
    void limitsAreChecked() {
        assertThatThrownBy(() -> new ResearchSettings(List.of(), 0, 30)).hasMessageContaining("hypotheses");
        assertThatThrownBy(() -> new ResearchSettings(List.of(), 3, 0)).hasMessageContaining("maxSteps");
    }
}
