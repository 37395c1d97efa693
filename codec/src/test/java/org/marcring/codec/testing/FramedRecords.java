package org.marcring.codec.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.marcring.codec.MarcException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.MarcFormat;
import org.marcring.codec.io.MarcFormats;
import org.marcring.codec.io.MarcReader;
import org.marcring.codec.io.MarcWriter;
import org.marcring.codec.io.TextFramer;
import org.marcring.codec.iso2709.RawRecord;

/**
 * Test helpers for the text framers: files of {@link Fixtures#record(int)}s in a format, and what a framer
 * makes of bytes (each framed piece decoded on its own by the format's reader, as the engine does).
 */
public final class FramedRecords {
    private FramedRecords() {
    }

    /** {@code n} records in {@code format}, as text. */
    public static String file(MarcFormat format, int n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MarcWriter w = MarcFormats.openWriter(out, format)) {
            for (int i = 0; i < n; i++) {
                w.write(Fixtures.record(i));
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** One framed piece: its bytes, ordinal, offset and defects. */
    public record Piece(String text, long ordinal, long byteOffset, int defects) {
    }

    /** Every piece the framer hands out. */
    public static List<Piece> pieces(TextFramer framer) {
        List<Piece> out = new ArrayList<>();
        RawRecord view = new RawRecord();
        try (framer) {
            while (framer.next(view)) {
                out.add(new Piece(new String(view.buffer(), view.offset(), view.length(), StandardCharsets.UTF_8),
                        view.ordinal(), view.byteOffset(), view.defects()));
            }
        }
        return out;
    }

    /**
     * The 001 of each piece that is clean and that the reader opened by {@code readers} reads as exactly one
     * record; pieces that fail are left out.
     */
    public static List<String> readable(List<Piece> pieces, Function<InputStream, MarcReader> readers) {
        List<String> ids = new ArrayList<>();
        for (Piece p : pieces) {
            if (p.defects() != 0) {
                continue;
            }
            try (MarcReader r = readers.apply(new ByteArrayInputStream(p.text().getBytes(StandardCharsets.UTF_8)))) {
                if (!r.hasNext()) {
                    continue;
                }
                MarcRecord rec = r.next();
                if (rec.errors().isEmpty() && !r.hasNext()) {
                    ids.add(rec.controlValue("001"));
                }
            } catch (MarcException e) {
                // a damaged piece: not readable
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        return ids;
    }

    /** The ids {@code rec0..rec(n-1)} of {@link Fixtures#record(int)} but those in {@code without}. */
    public static List<String> ids(int n, int... without) {
        List<String> ids = new ArrayList<>();
        outer:
        for (int i = 0; i < n; i++) {
            for (int w : without) {
                if (w == i) {
                    continue outer;
                }
            }
            ids.add("rec" + i);
        }
        return ids;
    }
}
