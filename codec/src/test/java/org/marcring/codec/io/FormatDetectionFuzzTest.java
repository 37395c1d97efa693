package org.marcring.codec.io;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;

import org.marcring.codec.testing.ReaderFuzzing;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes format detection and the reader it opens ({@link MarcFormats#openReader} with no format given),
 * gzip included: any bytes are detected as a readable format or refused with a
 * {@link org.marcring.codec.MarcException}, and the reader opened keeps the reader property
 * ({@link ReaderFuzzing}).
 */
class FormatDetectionFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void detectAndRead(byte[] data) {
        if (data == null) {
            return;
        }
        MarcFormat format = FormatDetector.detect(data, data.length);
        assertTrue(format == null || format.isReadable(), "detection names a readable format: " + format);
        ReaderFuzzing.openAndDrain(() -> MarcFormats.openReader(new ByteArrayInputStream(data), MarcFormat.AUTO, ReaderFuzzing.SMALL),
                data.length * 1100, ReaderFuzzing.SMALL);      // gzip inflates at most ~1032 times
    }
}
