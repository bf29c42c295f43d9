package dev.sweep.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sweep.core.TakerFee;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fee table as a query string writes it: errors name the parameter and show its own separator. */
class TakerFeesTest {

    @Test
    void aQueryNamesAVenuesRateAfterAColon() {
        TakerFees fees = TakerFees.from("fee", ':', List.of("kraken:26bps", "0.1%"));

        assertThat(fees.of("kraken")).isEqualTo(TakerFee.parse("0.26%"));
        assertThat(fees.of("coinbase")).isEqualTo(TakerFee.parse("0.1%"));
    }

    @Test
    void anErrorNamesTheParameterAndItsSeparator() {
        assertThatThrownBy(() -> TakerFees.from("fee", ':', List.of("kraken")))
                .isInstanceOf(UserInputException.class)
                .hasMessage("fee 'kraken' must be RATE (for every venue), VENUE:RATE or none, e.g. kraken:0.26%");
        assertThatThrownBy(() -> TakerFees.from("fee", ':', List.of("kraken:2", "kraken:3bps")))
                .hasMessageStartingWith("fee kraken:2: ");
    }
}
