package org.marcring.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.mapreduce.Job;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.execution.datasources.FileFormat;
import org.apache.spark.sql.execution.datasources.OutputWriterFactory;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

import scala.Option;
import scala.collection.immutable.Seq;

/**
 * The Spark data source {@code marc}: {@code spark.read.format("marc").load("books.mrc")} gives a DataFrame of
 * {@link MarcSchema} from ISO 2709 files, each file split by byte range across tasks as Spark splits text files,
 * and read in every task sequentially with the codec. Registered under its short name through
 * {@code META-INF/services}, so Scala, Java, Python and SQL ({@code USING marc}) find it alike.
 *
 * <p>Writing goes through Spark's file-format path ({@link FileFormat}; Spark 4 has no working DataSource V2
 * file write), so save modes, {@code partitionBy} and Spark's commit protocol apply: see
 * {@link MarcOutputWriterFactory} for the options {@code format} and {@code encoding}.
 *
 * <p>Reader options: see {@link MarcReadOptions}. Read through DataSource V2 with column pruning: a query that
 * needs no record content (such as {@code count()}) decodes nothing, one that needs only the leader builds no
 * field arrays.
 */
public final class MarcDataSource implements TableProvider, DataSourceRegister, FileFormat {
    /** The short name: {@code format("marc")}. */
    public static final String SHORT_NAME = "marc";

    @Override
    public String shortName() {
        return SHORT_NAME;
    }

    @Override
    public StructType inferSchema(CaseInsensitiveStringMap options) {
        return MarcSchema.SCHEMA;
    }

    @Override
    public boolean supportsExternalMetadata() {
        return true;
    }

    @Override
    public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
        // Spark also asks for a table when writing, with the DataFrame's schema: a read checks it, not this
        return new MarcTable(schema, paths(properties), properties);
    }

    @Override
    public Option<StructType> inferSchema(SparkSession session, scala.collection.immutable.Map<String, String> options,
                                          Seq<FileStatus> files) {
        return Option.apply(MarcSchema.SCHEMA);
    }

    @Override
    public OutputWriterFactory prepareWrite(SparkSession session, Job job,
                                            scala.collection.immutable.Map<String, String> options,
                                            StructType dataSchema) {
        new RowRecords(dataSchema); // a DataFrame without the columns of a record fails here, on the driver
        return new MarcOutputWriterFactory(option(options, "format"), option(options, "encoding"));
    }

    private static String option(scala.collection.immutable.Map<String, String> options, String key) {
        Option<String> v = options.get(key);
        return v.isDefined() ? v.get() : null;
    }

    @Override
    public String toString() {
        return SHORT_NAME;
    }

    /** The paths of a read: option {@code path}, or {@code paths} (a JSON array) from {@code load(p1, p2...)}. */
    static List<String> paths(Map<String, String> options) {
        List<String> paths = new ArrayList<>();
        String single = options.get("path");
        if (single != null) {
            paths.add(single);
        }
        String many = options.get("paths");
        if (many != null) {
            try (JsonParser p = new JsonFactory().createParser(many)) {
                if (p.nextToken() != JsonToken.START_ARRAY) {
                    throw new IllegalArgumentException("option paths is not a JSON array: " + many);
                }
                while (p.nextToken() == JsonToken.VALUE_STRING) {
                    paths.add(p.getText());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("the marc source needs a path: spark.read.format(\"marc\").load(path)");
        }
        return paths;
    }
}
