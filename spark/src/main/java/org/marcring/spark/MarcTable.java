package org.marcring.spark;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/** The MARC files of one read, as a table Spark can scan in batches. */
final class MarcTable implements SupportsRead {
    private final StructType schema;
    private final List<String> paths;
    private final Map<String, String> properties;

    MarcTable(StructType schema, List<String> paths, Map<String, String> properties) {
        this.schema = schema;
        this.paths = List.copyOf(paths);
        this.properties = Map.copyOf(properties);
    }

    @Override
    public String name() {
        return "marc " + paths;
    }

    @Override
    @Deprecated
    public StructType schema() {
        return schema;
    }

    @Override
    public Map<String, String> properties() {
        return properties;
    }

    @Override
    public Set<TableCapability> capabilities() {
        return EnumSet.of(TableCapability.BATCH_READ);
    }

    @Override
    public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
        new RecordRows(schema); // a given schema with columns the source cannot fill fails here, on the driver
        return new MarcScanBuilder(schema, paths, MarcReadOptions.of(options));
    }
}
