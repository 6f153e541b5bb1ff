package io.links.api.validation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdentifiersTest {

    @Test
    void acceptsIccidsWithAValidCheckDigit() {
        assertThat(Identifiers.isIccid("8944500000000000006")).isTrue();
        assertThat(Identifiers.isIccid("89014103211118510720")).isTrue();
    }

    @Test
    void refusesIccidsWithAWrongCheckDigitLengthOrCharacters() {
        assertThat(Identifiers.isIccid("8944500000000000005")).isFalse();
        assertThat(Identifiers.isIccid("89445000000000")).isFalse();
        assertThat(Identifiers.isIccid("894450000000000000A")).isFalse();
        assertThat(Identifiers.isIccid(null)).isFalse();
    }

    @Test
    void acceptsImeisOfFifteenDigitsWithAValidCheckDigit() {
        assertThat(Identifiers.isImei("490154203237518")).isTrue();
        assertThat(Identifiers.isImei("490154203237517")).isFalse();
        assertThat(Identifiers.isImei("49015420323751")).isFalse();
    }

    @Test
    void acceptsMsisdnsAsE164DigitsOnly() {
        assertThat(Identifiers.isMsisdn("447700900123")).isTrue();
        assertThat(Identifiers.isMsisdn("+447700900123")).isFalse();
        assertThat(Identifiers.isMsisdn("0447700900123")).isFalse();
        assertThat(Identifiers.isMsisdn("4477009001234567")).isFalse();
    }

    @Test
    void acceptsUpperCaseIsoAlpha3Countries() {
        assertThat(Identifiers.isCountry("DEU")).isTrue();
        assertThat(Identifiers.isCountry("USA")).isTrue();
        assertThat(Identifiers.isCountry("deu")).isFalse();
        assertThat(Identifiers.isCountry("DE")).isFalse();
        assertThat(Identifiers.isCountry("ZZZ")).isFalse();
    }

    @Test
    void appendsTheLuhnCheckDigit() {
        assertThat(Identifiers.withCheckDigit("49015420323751")).isEqualTo("490154203237518");
        assertThat(Identifiers.isIccid(Identifiers.withCheckDigit("894450000000000000"))).isTrue();
    }
}
