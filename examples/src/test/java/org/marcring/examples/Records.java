package org.marcring.examples;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.MarcFormats;
import org.marcring.codec.io.MarcReader;
import org.marcring.codec.testing.Corpus;

/** Reads the records the tests compare against. */
final class Records {
    /** 30 UTF-8 records in ISO 2709, the same as {@link #TRAJECT_XML} in MARCXML. */
    static final String TRAJECT_ISO = "traject/test/test_support/test_data.utf8.mrc";
    static final String TRAJECT_XML = "traject/test/test_support/test_data.utf8.marc.xml";
    /** One MARC-8 record with Cyrillic 880 fields. */
    /** 2,000 MARC-8 records of a university library, with local 9XX fields. */
    static final String UVA_MARC8 = "solrmarc/test/data/records/uva_001_2000.mrc";
    static final String MARC8_CYRILLIC = "marc-perl/marc-charset/t/cyrillic.marc";

    private Records() {
    }

    static Path corpus(String relative) {
        return Corpus.file(relative);
    }

    static List<MarcRecord> read(Path file) {
        try (MarcReader reader = MarcFormats.openReader(file)) {
            return reader.stream().collect(Collectors.toList());
        }
    }
}
