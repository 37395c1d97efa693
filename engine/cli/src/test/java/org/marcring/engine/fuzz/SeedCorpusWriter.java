package org.marcring.engine.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.marcring.codec.DataField;
import org.marcring.codec.Field;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.Subfield;
import org.marcring.codec.io.ByteArrayBuilder;
import org.marcring.codec.io.MarcFormat;
import org.marcring.codec.io.MarcFormats;
import org.marcring.codec.io.MarcWriter;
import org.marcring.codec.marc8.Marc8Encoder;
import org.marcring.engine.generate.CorpusGenerator;
import org.marcring.engine.generate.GeneratorOptions;
import org.marcring.engine.generate.SyntheticRecords;

/**
 * Writes the seed corpora of the fuzz tests from the project's own generated records, in Jazzer's layout
 * ({@code src/test/resources/<package>/<TestClass>Inputs/<method>/}). Seeds are small on purpose: a few
 * records each, clean and damaged, UTF-8 and MARC-8. Run again (from the project root) after a change to
 * the generator:
 *
 * <pre>
 * mvn -o -q -pl engine/cli -am test-compile
 * java -cp engine/cli/target/test-classes:engine/cli/target/classes:engine/target/classes:codec/target/classes \
 *     org.marcring.engine.fuzz.SeedCorpusWriter .
 * </pre>
 */
public final class SeedCorpusWriter {
    private SeedCorpusWriter() {
    }

    /** Writes all seed directories under the project root {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        Path codecResources = root.resolve("codec/src/test/resources/org/marcring/codec");
        writeIso2709(codecResources.resolve("iso2709/FramerFuzzTestInputs/frame"));
        writeIso2709(codecResources.resolve("iso2709/Iso2709DecoderFuzzTestInputs/permissive"));
        writeIso2709(codecResources.resolve("iso2709/Iso2709DecoderFuzzTestInputs/strict"));
        writeMarc8Values(codecResources.resolve("marc8/Marc8DecoderFuzzTestInputs/decode"));
        writeText(codecResources.resolve("xml/MarcXmlReaderFuzzTestInputs/read"), MarcFormat.MARCXML);
        writeText(codecResources.resolve("json/MarcJsonReaderFuzzTestInputs/read"), MarcFormat.JSON);
        writeText(codecResources.resolve("json/MarcJsonReaderFuzzTestInputs/read"), MarcFormat.NDJSON);
        writeText(codecResources.resolve("mrk/MrkReaderFuzzTestInputs/read"), MarcFormat.MRK);
        writeText(codecResources.resolve("mrk/MrkReaderFuzzTestInputs/read"), MarcFormat.MRK8);
        writeText(codecResources.resolve("io/TextFramerFuzzTestInputs/xml"), MarcFormat.MARCXML);
        writeText(codecResources.resolve("io/TextFramerFuzzTestInputs/json"), MarcFormat.JSON);
        writeText(codecResources.resolve("io/TextFramerFuzzTestInputs/lines"), MarcFormat.NDJSON);
        writeText(codecResources.resolve("io/TextFramerFuzzTestInputs/blankLines"), MarcFormat.MRK);
        Path engineResources = root.resolve("engine/src/test/resources/org/marcring/engine");
        writeIso2709(engineResources.resolve("PipelineFuzzTestInputs/iso2709"));
        writeText(engineResources.resolve("PipelineFuzzTestInputs/marcXml"), MarcFormat.MARCXML);
        Path anyFormat = engineResources.resolve("PipelineFuzzTestInputs/anyFormat");
        for (MarcFormat format : new MarcFormat[] {MarcFormat.MARCXML, MarcFormat.JSON, MarcFormat.NDJSON,
                MarcFormat.MRK}) {
            writeText(anyFormat, format);
        }
        Files.write(anyFormat.resolve("seed-iso2709"), iso(GeneratorOptions.defaults().withRecords(2).withSeed(5)));
        Path detection = codecResources.resolve("io/FormatDetectionFuzzTestInputs/detectAndRead");
        for (MarcFormat format : new MarcFormat[] {MarcFormat.MARCXML, MarcFormat.JSON, MarcFormat.NDJSON,
                MarcFormat.MRK}) {
            writeText(detection, format);
        }
        Files.write(detection.resolve("seed-iso2709"), iso(GeneratorOptions.defaults().withRecords(2).withSeed(5)));
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(iso(GeneratorOptions.defaults().withRecords(2).withSeed(6)));
        }
        Files.write(detection.resolve("seed-iso2709-gzip"), gz.toByteArray());
    }

    /** Clean and damaged ISO 2709 streams of one to four records, in UTF-8 and MARC-8. */
    static void writeIso2709(Path dir) throws IOException {
        Files.createDirectories(dir);
        GeneratorOptions base = GeneratorOptions.defaults().withKindShares(0.2, 0.2);
        Files.write(dir.resolve("seed-one-record"), iso(base.withRecords(1).withSeed(1)));
        Files.write(dir.resolve("seed-three-records"), iso(base.withRecords(3).withSeed(2)));
        Files.write(dir.resolve("seed-marc8"), iso(base.withRecords(2).withSeed(3).withTextEncoder(Marc8Encoder.INSTANCE)));
        for (int seed = 1; seed <= 6; seed++) {
            Files.write(dir.resolve("seed-damaged-" + seed),
                    iso(base.withRecords(3).withSeed(100 + seed).withDamagedShare(0.7)));
        }
        Files.write(dir.resolve("seed-damaged-marc8"),
                iso(base.withRecords(3).withSeed(200).withDamagedShare(0.7).withTextEncoder(Marc8Encoder.INSTANCE)));
    }

    /** Subfield values of generated records that are not plain ASCII, encoded in MARC-8, one per file. */
    static void writeMarc8Values(Path dir) throws IOException {
        Files.createDirectories(dir);
        SyntheticRecords records = new SyntheticRecords(GeneratorOptions.defaults().withSeed(7));
        int written = 0;
        while (written < 12) {
            MarcRecord r = records.next();
            for (Field f : r.fields()) {
                if (!(f instanceof DataField d)) {
                    continue;
                }
                for (Subfield s : d.subfields()) {
                    if (written < 12 && !s.value().chars().allMatch(c -> c < 0x80)) {
                        ByteArrayBuilder out = new ByteArrayBuilder();
                        Marc8Encoder.INSTANCE.encode(s.value(), out, (severity, index, message) -> { });
                        Files.write(dir.resolve("seed-value-" + written++), out.toByteArray());
                    }
                }
            }
        }
    }

    /** One and three generated records in {@code format}. */
    static void writeText(Path dir, MarcFormat format) throws IOException {
        Files.createDirectories(dir);
        String name = "seed-" + format.names().get(0);
        Files.write(dir.resolve(name + "-one-record"), text(format, 1, 11));
        Files.write(dir.resolve(name + "-three-records"), text(format, 3, 12));
    }

    private static byte[] text(MarcFormat format, int count, long seed) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SyntheticRecords records = new SyntheticRecords(GeneratorOptions.defaults().withSeed(seed).withKindShares(0.2, 0.2));
        try (MarcWriter writer = MarcFormats.openWriter(bytes, format)) {
            for (int i = 0; i < count; i++) {
                writer.write(records.next());
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] iso(GeneratorOptions options) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CorpusGenerator(options).writeTo(out);
        return out.toByteArray();
    }
}
