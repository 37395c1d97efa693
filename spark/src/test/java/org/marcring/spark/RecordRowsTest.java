package org.marcring.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.spark.sql.catalyst.expressions.UnsafeProjection;
import org.apache.spark.sql.catalyst.expressions.UnsafeRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;
import org.marcring.codec.MarcRecord;

/**
 * Without a Spark session: the rows the source writes straight into Spark's {@code UnsafeRow} format are,
 * byte for byte, what Spark's own projection makes of the same rows built as objects, for the whole schema
 * and for a pruned one (columns reordered, nested fields left out).
 */
class RecordRowsTest {
    private static final UTF8String FILE = UTF8String.fromString("file:/data/records.mrc");

    @Test
    void directRowsEqualSparksProjectionOfTheObjectRowsForTheWholeSchema() {
        assertSameRows(MarcSchema.SCHEMA);
    }

    @Test
    void directRowsEqualSparksProjectionOfTheObjectRowsForAPrunedSchema() {
        StructType subfield = new StructType().add("value", DataTypes.StringType);
        StructType dataField = new StructType()
                .add("subfields", DataTypes.createArrayType(subfield, false))
                .add("ind2", DataTypes.StringType)
                .add("tag", DataTypes.StringType);
        StructType pruned = new StructType()
                .add("byte_offset", DataTypes.LongType, false)
                .add("data_fields", DataTypes.createArrayType(dataField, false))
                .add("errors", DataTypes.createArrayType(DataTypes.StringType, false), false)
                .add("leader", DataTypes.StringType);
        assertSameRows(pruned);
    }

    private static void assertSameRows(StructType schema) {
        RecordRows rows = new RecordRows(schema);
        RecordRows.Writer writer = rows.newWriter();
        UnsafeProjection projection = UnsafeProjection.create(schema);
        List<MarcRecord> records = TextFixtures.records();
        long offset = 0;
        for (MarcRecord r : records) {
            UnsafeRow expected = projection.apply(rows.row(r, FILE, offset, 1234)).copy();
            UnsafeRow actual = (UnsafeRow) writer.row(r, FILE, offset, 1234);
            assertEquals(expected, actual, "record at " + offset);
            offset += 1000;
        }
        assertTrue(records.size() > 1000, "records: " + records.size());
    }
}
