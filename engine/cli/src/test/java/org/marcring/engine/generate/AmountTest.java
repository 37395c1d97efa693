package org.marcring.engine.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AmountTest {

    @Test
    void plainNumberIsARecordCount() {
        Amount a = Amount.parse("10_000");
        assertFalse(a.isBytes());
        assertEquals(10_000, a.value());
    }

    @Test
    void unitsAreBinaryMultiples() {
        assertEquals(20L * 1024 * 1024, Amount.parse("20MB").value());
        assertEquals(20L * 1024 * 1024, Amount.parse("20m").value());
        assertEquals(512L * 1024, Amount.parse("512k").value());
        assertEquals(10L * 1024 * 1024 * 1024, Amount.parse("10 GiB").value());
        assertEquals(300, Amount.parse("300b").value());
        assertTrue(Amount.parse("1g").isBytes());
    }

    @Test
    void rejectsWhatIsNotAnAmount() {
        assertThrows(IllegalArgumentException.class, () -> Amount.parse("MB"));
        assertThrows(IllegalArgumentException.class, () -> Amount.parse("12 parsecs"));
        assertThrows(IllegalArgumentException.class, () -> Amount.parse("99999999999999999999"));
        assertThrows(IllegalArgumentException.class, () -> Amount.records(-1));
    }

    @Test
    void reachedByCountOrBySize() {
        assertFalse(Amount.records(3).isReached(2, 1_000_000));
        assertTrue(Amount.records(3).isReached(3, 0));
        assertFalse(Amount.bytes(100).isReached(1_000, 99));
        assertTrue(Amount.bytes(100).isReached(1, 100));
    }
}
