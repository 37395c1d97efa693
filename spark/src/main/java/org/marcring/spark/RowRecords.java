package org.marcring.spark;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructType;
import org.marcring.codec.DataField;
import org.marcring.codec.MarcRecord;

/**
 * Turns Spark rows of {@link MarcSchema} (its {@code leader}, {@code control_fields} and {@code data_fields}
 * columns; the others are ignored) back into records, for writing. A row without a leader (a
 * {@code _corrupt_record} row of a PERMISSIVE read) holds no record and is refused, naming its file and offset
 * where the row has them.
 */
final class RowRecords {
    private final int leader;
    private final int control;
    private final int data;
    private final int sourceFile;
    private final int byteOffset;
    private final int controlFields;
    private final int[] controlAt;   // tag, value
    private final int dataFields;
    private final int[] dataAt;      // tag, ind1, ind2, subfields
    private final int subfieldFields;
    private final int[] subfieldAt;  // code, value

    RowRecords(StructType schema) {
        leader = require(schema, MarcSchema.LEADER);
        control = index(schema, MarcSchema.CONTROL_FIELDS);
        data = index(schema, MarcSchema.DATA_FIELDS);
        sourceFile = index(schema, MarcSchema.SOURCE_FILE);
        byteOffset = index(schema, MarcSchema.BYTE_OFFSET);
        StructType c = control < 0 ? MarcSchema.CONTROL_FIELD : element(schema, control);
        controlFields = c.size();
        controlAt = new int[] {require(c, "tag"), require(c, "value")};
        StructType d = data < 0 ? MarcSchema.DATA_FIELD : element(schema, data);
        dataFields = d.size();
        dataAt = new int[] {require(d, "tag"), require(d, "ind1"), require(d, "ind2"), require(d, "subfields")};
        StructType s = (StructType) ((ArrayType) d.fields()[dataAt[3]].dataType()).elementType();
        subfieldFields = s.size();
        subfieldAt = new int[] {require(s, "code"), require(s, "value")};
    }

    private static int index(StructType schema, String name) {
        for (int i = 0; i < schema.fields().length; i++) {
            if (schema.fields()[i].name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private static int require(StructType schema, String name) {
        int i = index(schema, name);
        if (i < 0) {
            throw new IllegalArgumentException("writing MARC needs a column " + name + " in "
                    + schema.simpleString() + " (the schema of spark.read.format(\"marc\"))");
        }
        return i;
    }

    private static StructType element(StructType schema, int i) {
        return (StructType) ((ArrayType) schema.fields()[i].dataType()).elementType();
    }

    /** The record of a row. */
    MarcRecord record(InternalRow row) {
        if (row.isNullAt(leader)) {
            String where = (sourceFile >= 0 && !row.isNullAt(sourceFile) ? " from " + row.getUTF8String(sourceFile) : "")
                    + (byteOffset >= 0 && !row.isNullAt(byteOffset) ? " at byte " + row.getLong(byteOffset) : "");
            throw new IllegalArgumentException("a row" + where + " has no leader (a _corrupt_record row?): leave such"
                    + " rows out (filter \"leader IS NOT NULL\", or read with mode DROPMALFORMED)");
        }
        MarcRecord.Builder b = MarcRecord.builder().leader(row.getUTF8String(leader).toString());
        if (control >= 0 && !row.isNullAt(control)) {
            ArrayData fields = row.getArray(control);
            for (int i = 0; i < fields.numElements(); i++) {
                InternalRow f = fields.getStruct(i, controlFields);
                b.controlField(f.getUTF8String(controlAt[0]).toString(), f.getUTF8String(controlAt[1]).toString());
            }
        }
        if (data >= 0 && !row.isNullAt(data)) {
            ArrayData fields = row.getArray(data);
            for (int i = 0; i < fields.numElements(); i++) {
                InternalRow f = fields.getStruct(i, dataFields);
                ArrayData subfields = f.getArray(dataAt[3]);
                int n = subfields == null ? 0 : subfields.numElements();
                char[] codes = new char[n];
                String[] values = new String[n];
                for (int k = 0; k < n; k++) {
                    InternalRow s = subfields.getStruct(k, subfieldFields);
                    codes[k] = first(s.getUTF8String(subfieldAt[0]).toString());
                    values[k] = s.getUTF8String(subfieldAt[1]).toString();
                }
                b.addField(DataField.ofArrays(f.getUTF8String(dataAt[0]).toString(),
                        first(f.getUTF8String(dataAt[1]).toString()), first(f.getUTF8String(dataAt[2]).toString()),
                        codes, values));
            }
        }
        return b.build();
    }

    private static char first(String s) {
        return s.isEmpty() ? ' ' : s.charAt(0);
    }
}
