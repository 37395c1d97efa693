package org.marcring.codec.xml;

import java.io.ByteArrayInputStream;

import org.marcring.codec.testing.ReaderFuzzing;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the MARCXML reader (permissive and strict) with arbitrary bytes: every input ends in records,
 * records with errors or a {@link org.marcring.codec.MarcException}, within the limits (see
 * {@link ReaderFuzzing}). Regression mode by default; {@code JAZZER_FUZZ=1} fuzzes (docs/robustness.md).
 */
class MarcXmlReaderFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void read(byte[] data) {
        if (data == null) {
            return;
        }
        ReaderFuzzing.openAndDrain(() -> MarcXmlReader.open(new ByteArrayInputStream(data), ReaderFuzzing.SMALL),
                data.length, ReaderFuzzing.SMALL);
        var strict = ReaderFuzzing.SMALL.withMode(org.marcring.codec.io.DecodeMode.STRICT);
        ReaderFuzzing.openAndDrain(() -> MarcXmlReader.open(new ByteArrayInputStream(data), strict),
                data.length, strict);
    }
}
