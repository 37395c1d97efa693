package org.marcring.codec.json;

import java.io.ByteArrayInputStream;

import org.marcring.codec.io.DecodeMode;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.testing.ReaderFuzzing;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the MARC-in-JSON reader, as one document (a record or an array of records) and as
 * newline-delimited JSON, permissive and strict (see {@link ReaderFuzzing} for the property).
 */
class MarcJsonReaderFuzzTest {
    private static final ReadOptions STRICT = ReaderFuzzing.SMALL.withMode(DecodeMode.STRICT);

    @FuzzTest(maxDuration = "10m")
    void read(byte[] data) {
        if (data == null) {
            return;
        }
        ReaderFuzzing.openAndDrain(() -> MarcJsonReader.open(new ByteArrayInputStream(data), ReaderFuzzing.SMALL),
                data.length, ReaderFuzzing.SMALL);
        ReaderFuzzing.openAndDrain(() -> MarcJsonReader.open(new ByteArrayInputStream(data), STRICT),
                data.length, STRICT);
        ReaderFuzzing.openAndDrain(() -> MarcJsonReader.openLines(new ByteArrayInputStream(data), ReaderFuzzing.SMALL),
                data.length, ReaderFuzzing.SMALL);
    }
}
