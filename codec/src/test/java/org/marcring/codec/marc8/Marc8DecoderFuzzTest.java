package org.marcring.codec.marc8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import org.marcring.codec.io.ByteArrayBuilder;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes MARC-8 decoding of one value. Any bytes decode to a string (problems are reported with an index
 * inside the value, never thrown), the NFC decoder returns the NFC form of the decomposed result, and a
 * value that decoded without error encodes to MARC-8 and decodes back to the same text.
 */
class Marc8DecoderFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void decode(byte[] data) {
        if (data == null) {
            return;
        }
        List<String> errors = new ArrayList<>();
        String text = Marc8Decoder.DECOMPOSED.decode(data, 0, data.length, (severity, index, message) -> {
            assertTrue(index >= 0 && index <= data.length, "problem index " + index + " inside the value");
            assertNotNull(message);
            if (severity == org.marcring.codec.MarcError.Severity.ERROR) {
                errors.add(message);
            }
        });
        assertNotNull(text);
        String nfc = Marc8Decoder.NFC.decode(data, 0, data.length, null);
        assertEquals(Normalizer.normalize(text, Normalizer.Form.NFC), nfc, "NFC decoder = NFC of the decoded text");
        if (errors.isEmpty()) {
            ByteArrayBuilder out = new ByteArrayBuilder();
            List<String> encodeProblems = new ArrayList<>();
            Marc8Encoder.INSTANCE.encode(text, out, (severity, index, message) -> encodeProblems.add(message));
            if (encodeProblems.isEmpty()) {
                byte[] bytes = out.toByteArray();
                String back = Marc8Decoder.DECOMPOSED.decode(bytes, 0, bytes.length, null);
                // MARC-8 writes a letter with a mark as the mark and the letter, so a precomposed letter that
                // came from a reference (&#x00FB;) comes back decomposed: the same text, canonically
                assertEquals(Normalizer.normalize(text, Normalizer.Form.NFD),
                        Normalizer.normalize(back, Normalizer.Form.NFD), "decoded text survives a MARC-8 round trip");
            }
        }
    }
}
