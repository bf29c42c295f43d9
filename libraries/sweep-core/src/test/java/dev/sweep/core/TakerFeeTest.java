package dev.sweep.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TakerFeeTest {

    @Test
    void readsAPercentageOrBasisPoints() {
        assertThat(TakerFee.parse("0.26%")).isEqualTo(260_000);
        assertThat(TakerFee.parse("26bps")).isEqualTo(260_000);
        assertThat(TakerFee.parse("1.5bps")).isEqualTo(15_000);
        assertThat(TakerFee.parse("0%")).isEqualTo(TakerFee.NONE);
        assertThat(TakerFee.toFraction(TakerFee.parse("0.4%"))).isEqualByComparingTo("0.004");
    }

    @Test
    void aNumberWithoutItsUnitIsRejected() {
        assertThatThrownBy(() -> TakerFee.parse("0.004")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fee '0.004' needs a unit: 0.004% for a percentage, or basis points such as 26bps");
    }

    @Test
    void rejectsWhatIsNotARateBelowOneHundredPercent() {
        assertThatThrownBy(() -> TakerFee.parse("-1%")).hasMessage(
                "fee '-1%' is not a rate like 0.26% or 26bps: signs are not allowed (amounts are positive decimals)");
        assertThatThrownBy(() -> TakerFee.parse("bps")).hasMessage("fee 'bps' is not a rate like 0.26% or 26bps: empty");
        assertThatThrownBy(() -> TakerFee.parse("0.0000001%")).hasMessage(
                "fee '0.0000001%' is not a rate like 0.26% or 26bps: more than 6 decimal places");
        assertThatThrownBy(() -> TakerFee.parse("100%")).hasMessage("fee '100%' must be below 100%");
        assertThatThrownBy(() -> TakerFee.parse("10000bps")).hasMessage("fee '10000bps' must be below 100%");
        assertThatThrownBy(() -> TakerFee.parse("cheap")).hasMessage("fee 'cheap' is not a rate like 0.26% or 26bps");
    }
}
