package org.marcring.perf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.EncodingWriter;
import org.marcring.codec.io.MarcWriter;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.iso2709.Iso2709Reader;
import org.marcring.codec.xml.MarcXmlEncoder;

/**
 * The sequential MARCXML reader of several builds of the codec, side by side in one JVM: each build's jar is
 * loaded in a class loader of its own, and the builds take turns reading the same compact MARCXML (the ISO 2709
 * files given, written with this build's encoder) from memory. Prints, per file, each build's median time of
 * the measured rounds and its ratio to the first build's.
 *
 * <pre>
 * java -cp perf/target/benchmarks.jar org.marcring.perf.ReaderSideBySide ROUNDS NAME=CODEC.jar ... -- FILE.mrc ...
 * </pre>
 */
public final class ReaderSideBySide {
    private static final int WARMUP = 10;

    private ReaderSideBySide() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        List<String> names = new ArrayList<>();
        List<Method> opens = new ArrayList<>();
        int i = 1;
        for (; i < args.length && !args[i].equals("--"); i++) {
            int eq = args[i].indexOf('=');
            names.add(args[i].substring(0, eq));
            URLClassLoader loader = new URLClassLoader(new URL[] {Path.of(args[i].substring(eq + 1)).toUri().toURL()},
                    ClassLoader.getPlatformClassLoader());
            opens.add(loader.loadClass("org.marcring.codec.xml.MarcXmlReader").getMethod("open", InputStream.class));
        }
        for (i++; i < args.length; i++) {
            byte[] xml = compactXml(Path.of(args[i]));
            long[][] times = new long[names.size()][rounds];
            long[] counts = new long[names.size()];
            for (int round = -WARMUP; round < rounds; round++) {
                for (int b = 0; b < names.size(); b++) {
                    long t0 = System.nanoTime();
                    counts[b] = read(opens.get(b), xml);
                    long t = System.nanoTime() - t0;
                    if (round >= 0) {
                        times[b][round] = t;
                    }
                }
            }
            double first = median(times[0]);
            for (int b = 0; b < names.size(); b++) {
                double m = median(times[b]);
                System.out.printf(Locale.ROOT, "%s\t%.2f MB\t%s\t%d records\tmedian %.1f ms\t%.3f%n",
                        Path.of(args[i]).getFileName(), xml.length / 1e6, names.get(b), counts[b], m / 1e6, m / first);
            }
        }
    }

    private static long read(Method open, byte[] bytes) throws Exception {
        Object reader = open.invoke(null, new ByteArrayInputStream(bytes));
        long n = 0;
        try (AutoCloseable c = (AutoCloseable) reader) {
            Iterator<?> it = (Iterator<?>) reader;
            while (it.hasNext()) {
                it.next();
                n++;
            }
        }
        return n;
    }

    private static byte[] compactXml(Path iso) throws Exception {
        List<MarcRecord> records = new ArrayList<>();
        try (Iso2709Reader r = Iso2709Reader.of(Files.readAllBytes(iso), ReadOptions.defaults())) {
            r.forEachRemaining(records::add);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MarcWriter w = new EncodingWriter(out, MarcXmlEncoder.compact())) {
            records.forEach(w::write);
        }
        return out.toByteArray();
    }

    private static double median(long[] times) {
        long[] s = times.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
    }
}
