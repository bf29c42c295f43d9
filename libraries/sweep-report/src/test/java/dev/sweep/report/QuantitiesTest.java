package dev.sweep.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class QuantitiesTest {

    @Test
    void aPositiveDecimalIsExactAtItsScale() {
        assertThat(Quantities.positive("qty", "15.25", 10)).isEqualByComparingTo(new BigDecimal("15.25"));
    }

    @Test
    void aBadAmountIsNamedWithItsReason() {
        assertThatThrownBy(() -> Quantities.positive("qty", "-1", 10))
                .hasMessage("qty '-1' is not valid: must be a positive number");
        assertThatThrownBy(() -> Quantities.positive("qty", "0", 10)).hasMessage("qty must be greater than 0");
        assertThatThrownBy(() -> Quantities.positive("qty", "1e3", 10)).hasMessageStartingWith("qty '1e3' is not valid: ");
    }
}
