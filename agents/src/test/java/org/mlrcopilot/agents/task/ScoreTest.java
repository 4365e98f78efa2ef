package org.mlrcopilot.agents.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ScoreTest {

    private static Score accuracy(double value) {
        return new Score("accuracy", value, Direction.HIGHER);
    }

    private static Score rmse(double value) {
        return new Score("rmse", value, Direction.LOWER);
    }

    @Test
    void higherIsBetterSmallGainIsNoSuccess() {
        assertThat(accuracy(0.95).improvementPctOver(accuracy(0.90))).isCloseTo(5.556, within(0.001));
        assertThat(accuracy(0.95).successOver(accuracy(0.90))).isFalse();
    }

    @Test
    void higherIsBetterLargeGainIsSuccess() {
        assertThat(accuracy(0.80).successOver(accuracy(0.70))).isTrue();
        assertThat(accuracy(0.70).improvementPctOver(accuracy(0.80))).isCloseTo(-12.5, within(1e-9));
    }

    @Test
    void lowerIsBetter() {
        assertThat(rmse(50).improvementPctOver(rmse(60))).isCloseTo(16.667, within(0.001));
        assertThat(rmse(50).successOver(rmse(60))).isTrue();
        assertThat(rmse(57).successOver(rmse(60))).isFalse();
        assertThat(rmse(66).improvementPctOver(rmse(60))).isCloseTo(-10.0, within(1e-9));
    }

    @Test
    void exactlyTenPercentIsNotYetSuccess() {
        assertThat(rmse(54).successOver(rmse(60))).isFalse();
    }

    @Test
    void zeroBaseline() {
        assertThat(rmse(0).improvementPctOver(rmse(0))).isZero();
        assertThat(accuracy(0.1).improvementPctOver(accuracy(0))).isInfinite().isPositive();
    }

    @Test
    void validatesItself() {
        assertThatThrownBy(() -> accuracy(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Score(" ", 1, Direction.HIGHER)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> accuracy(0.9).improvementPctOver(rmse(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
