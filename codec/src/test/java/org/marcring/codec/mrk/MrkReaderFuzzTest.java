package org.marcring.codec.mrk;

import java.io.ByteArrayInputStream;

import org.marcring.codec.io.DecodeMode;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.testing.ReaderFuzzing;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the MARCMaker reader in both flavours (ASCII mnemonics and UTF-8), permissive and strict (see
 * {@link ReaderFuzzing} for the property).
 */
class MrkReaderFuzzTest {
    private static final ReadOptions STRICT = ReaderFuzzing.SMALL.withMode(DecodeMode.STRICT);

    @FuzzTest(maxDuration = "10m")
    void read(byte[] data) {
        if (data == null) {
            return;
        }
        for (MrkFlavor flavor : MrkFlavor.values()) {
            ReaderFuzzing.openAndDrain(() -> MrkReader.open(new ByteArrayInputStream(data), ReaderFuzzing.SMALL, flavor),
                    data.length, ReaderFuzzing.SMALL);
        }
        ReaderFuzzing.openAndDrain(() -> MrkReader.open(new ByteArrayInputStream(data), STRICT, MrkFlavor.MRK),
                data.length, STRICT);
    }
}
