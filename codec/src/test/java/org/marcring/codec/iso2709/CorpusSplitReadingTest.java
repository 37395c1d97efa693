package org.marcring.codec.iso2709;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.marcring.codec.testing.Corpus;
import org.marcring.codec.testing.Fixtures;

/**
 * Every ISO 2709 file of the shared corpus, valid or damaged, read in ranges split at random points: the
 * ranges together give exactly the frames of the whole file, none lost and none twice.
 */
class CorpusSplitReadingTest {

    static Stream<Corpus.Entry> iso2709Files() {
        return Corpus.entries(e -> e.isIso2709() && e.bytes > 30).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("iso2709Files")
    void rangesGiveExactlyTheWholeFilesFrames(Corpus.Entry file) throws IOException {
        List<String> whole = Fixtures.frames(RecordFramer.open(file.path)).stream()
                .map(f -> f.offset + ":" + f.bytes.length + ":" + f.defects).collect(Collectors.toList());
        RecordFramerTest.assertRangesGiveTheWhole(file.path, whole, new Random(file.relative.hashCode()), 3);
    }
}
