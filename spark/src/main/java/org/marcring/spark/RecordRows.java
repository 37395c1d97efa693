package org.marcring.spark;

import java.io.Serializable;
import java.util.List;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.codegen.UnsafeArrayWriter;
import org.apache.spark.sql.catalyst.expressions.codegen.UnsafeRowWriter;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.marcring.codec.DataField;
import org.marcring.codec.Field;
import org.marcring.codec.MarcError;
import org.marcring.codec.MarcRecord;

/**
 * Turns records into Spark rows of a required schema: a subset of {@link MarcSchema#SCHEMA}, down to the
 * fields of the nested structs, in any order. Only the columns asked for are built: a query of the leaders
 * builds no field arrays, and one that needs no record content ({@link #needsRecord()} false) needs no decoding.
 */
final class RecordRows implements Serializable {
    private static final long serialVersionUID = 1L;

    private enum Column { LEADER, CONTROL_FIELDS, DATA_FIELDS, SOURCE_FILE, BYTE_OFFSET, RECORD_LENGTH, ERRORS,
        CORRUPT_RECORD }

    private enum Part { TAG, VALUE, CODE, IND1, IND2, SUBFIELDS }

    /** The one-character strings of ASCII, for indicators and subfield codes. */
    private static final UTF8String[] ASCII = new UTF8String[128];

    static {
        for (int c = 0; c < ASCII.length; c++) {
            ASCII[c] = UTF8String.fromString(String.valueOf((char) c));
        }
    }

    /** The errors of a clean record: none, one array for all rows (it is never written to). */
    private static final GenericArrayData NO_ERRORS = new GenericArrayData(new Object[0]);

    private final Column[] columns;
    /** Tags of three digits as Spark strings, made once each (built in the task, not shipped). */
    private transient UTF8String[] numericTags;
    private final Part[] controlParts;
    private final Part[] dataParts;
    private final Part[] subfieldParts;

    RecordRows(StructType required) {
        StructField[] fields = required.fields();
        columns = new Column[fields.length];
        Part[] control = new Part[0];
        Part[] data = new Part[0];
        Part[] subfield = new Part[0];
        for (int i = 0; i < fields.length; i++) {
            String name = fields[i].name();
            columns[i] = column(name);
            if (columns[i] == Column.CONTROL_FIELDS) {
                control = parts(element(fields[i].dataType(), name), name);
            } else if (columns[i] == Column.DATA_FIELDS) {
                StructType element = element(fields[i].dataType(), name);
                data = parts(element, name);
                for (StructField f : element.fields()) {
                    if (f.name().equals("subfields")) {
                        subfield = parts(element(f.dataType(), name + ".subfields"), name + ".subfields");
                    }
                }
            }
        }
        controlParts = control;
        dataParts = data;
        subfieldParts = subfield;
    }

    private static Column column(String name) {
        String bare = name.startsWith("_") ? name.substring(1) : name;   // _corrupt_record
        for (Column c : Column.values()) {
            if (c.name().equalsIgnoreCase(bare)) {
                return c;
            }
        }
        throw new IllegalArgumentException("the marc source has no column " + name + "; its schema is "
                + MarcSchema.SCHEMA.simpleString());
    }

    private static StructType element(DataType type, String name) {
        if (type instanceof ArrayType && ((ArrayType) type).elementType() instanceof StructType) {
            return (StructType) ((ArrayType) type).elementType();
        }
        throw new IllegalArgumentException("column " + name + " must be an array of structs, not " + type.simpleString());
    }

    private static Part[] parts(StructType struct, String name) {
        StructField[] fields = struct.fields();
        Part[] parts = new Part[fields.length];
        for (int i = 0; i < fields.length; i++) {
            try {
                parts[i] = Part.valueOf(fields[i].name().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("column " + name + " has no field " + fields[i].name(), e);
            }
        }
        return parts;
    }

    /** Whether any column asked for needs the decoded record (else rows are built from the frame alone). */
    boolean needsRecord() {
        for (Column c : columns) {
            if (c == Column.LEADER || c == Column.CONTROL_FIELDS || c == Column.DATA_FIELDS || c == Column.ERRORS
                    || c == Column.CORRUPT_RECORD) {
                return true;
            }
        }
        return false;
    }

    /** The row of a record read ({@code record} may be null where {@link #needsRecord()} is false). */
    InternalRow row(MarcRecord record, UTF8String file, long offset, int length) {
        Object[] values = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            switch (columns[i]) {
                case LEADER: values[i] = UTF8String.fromString(record.leader().toString()); break;
                case CONTROL_FIELDS: values[i] = controlFields(record.fields()); break;
                case DATA_FIELDS: values[i] = dataFields(record.fields()); break;
                case SOURCE_FILE: values[i] = file; break;
                case BYTE_OFFSET: values[i] = offset; break;
                case RECORD_LENGTH: values[i] = length; break;
                case ERRORS: values[i] = errors(record.errors()); break;
                case CORRUPT_RECORD: values[i] = null; break;
                default: throw new AssertionError(columns[i]);
            }
        }
        return new GenericInternalRow(values);
    }

    /** The row of bytes that hold no readable record: no leader or fields, the reason and the bytes. */
    InternalRow corruptRow(String reason, byte[] bytes, UTF8String file, long offset, int length) {
        Object[] values = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            switch (columns[i]) {
                case SOURCE_FILE: values[i] = file; break;
                case BYTE_OFFSET: values[i] = offset; break;
                case RECORD_LENGTH: values[i] = length; break;
                case ERRORS: values[i] = new GenericArrayData(new Object[] {UTF8String.fromString(reason)}); break;
                case CORRUPT_RECORD: values[i] = bytes; break;
                default: values[i] = null; break;
            }
        }
        return new GenericInternalRow(values);
    }

    private static GenericArrayData errors(List<MarcError> errors) {
        if (errors.isEmpty()) {
            return NO_ERRORS;
        }
        Object[] out = new Object[errors.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = UTF8String.fromString(errors.get(i).toString());
        }
        return new GenericArrayData(out);
    }

    private GenericArrayData controlFields(List<Field> fields) {
        int n = 0;
        for (Field f : fields) {
            n += f.isControl() ? 1 : 0;
        }
        Object[] out = new Object[n];
        int k = 0;
        for (Field f : fields) {
            if (f.isControl()) {
                Object[] v = new Object[controlParts.length];
                for (int i = 0; i < v.length; i++) {
                    v[i] = controlParts[i] == Part.TAG ? tag(f.tag()) : UTF8String.fromString(f.data());
                }
                out[k++] = new GenericInternalRow(v);
            }
        }
        return new GenericArrayData(out);
    }

    private GenericArrayData dataFields(List<Field> fields) {
        int n = 0;
        for (Field f : fields) {
            n += f.isControl() ? 0 : 1;
        }
        Object[] out = new Object[n];
        int k = 0;
        for (Field f : fields) {
            if (!f.isControl()) {
                DataField d = (DataField) f;
                Object[] v = new Object[dataParts.length];
                for (int i = 0; i < v.length; i++) {
                    switch (dataParts[i]) {
                        case TAG: v[i] = tag(d.tag()); break;
                        case IND1: v[i] = character(d.indicator1()); break;
                        case IND2: v[i] = character(d.indicator2()); break;
                        case SUBFIELDS: v[i] = subfields(d); break;
                        default: v[i] = null; break;
                    }
                }
                out[k++] = new GenericInternalRow(v);
            }
        }
        return new GenericArrayData(out);
    }

    private GenericArrayData subfields(DataField d) {
        Object[] out = new Object[d.subfieldCount()];
        for (int s = 0; s < out.length; s++) {
            Object[] v = new Object[subfieldParts.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = subfieldParts[i] == Part.CODE ? character(d.code(s)) : UTF8String.fromString(d.value(s));
            }
            out[s] = new GenericInternalRow(v);
        }
        return new GenericArrayData(out);
    }

    /** A tag as a Spark string; those of three digits made once. */
    private UTF8String tag(String tag) {
        if (tag.length() == 3) {
            int d0 = tag.charAt(0) - '0';
            int d1 = tag.charAt(1) - '0';
            int d2 = tag.charAt(2) - '0';
            if ((d0 | d1 | d2) >= 0 && d0 <= 9 && d1 <= 9 && d2 <= 9) {
                if (numericTags == null) {
                    numericTags = new UTF8String[1000];
                }
                int k = d0 * 100 + d1 * 10 + d2;
                UTF8String s = numericTags[k];
                if (s == null) {
                    s = UTF8String.fromString(tag);
                    numericTags[k] = s;
                }
                return s;
            }
        }
        return UTF8String.fromString(tag);
    }

    /** A one-character string as a Spark string; ASCII ones shared. */
    private static UTF8String character(char c) {
        return c < ASCII.length ? ASCII[c] : UTF8String.fromString(String.valueOf(c));
    }

    /** A writer of this layout's rows straight into Spark's {@code UnsafeRow} format; one per reader. */
    Writer newWriter() {
        return new Writer();
    }

    /**
     * Writes a record's row straight into Spark's own row format, the one a scan's output is copied into: no
     * tree of row objects, and Spark's copy of the row becomes a copy of its bytes. The row returned is
     * reused by the next call. Not thread-safe.
     */
    final class Writer {
        private final UnsafeRowWriter row = new UnsafeRowWriter(columns.length, 4096);
        private final UnsafeArrayWriter controlArray = new UnsafeArrayWriter(row, 8);
        private final UnsafeRowWriter control = new UnsafeRowWriter(controlArray, controlParts.length);
        private final UnsafeArrayWriter dataArray = new UnsafeArrayWriter(row, 8);
        private final UnsafeRowWriter data = new UnsafeRowWriter(dataArray, dataParts.length);
        private final UnsafeArrayWriter subfieldArray = new UnsafeArrayWriter(data, 8);
        private final UnsafeRowWriter subfield = new UnsafeRowWriter(subfieldArray, subfieldParts.length);
        private final UnsafeArrayWriter errorArray = new UnsafeArrayWriter(row, 8);

        private Writer() {
        }

        /** The row of a record read ({@code record} may be null where {@link #needsRecord()} is false). */
        InternalRow row(MarcRecord record, UTF8String file, long offset, int length) {
            row.reset();
            row.zeroOutNullBytes();
            for (int i = 0; i < columns.length; i++) {
                switch (columns[i]) {
                    case LEADER: row.write(i, UTF8String.fromString(record.leader().toString())); break;
                    case CONTROL_FIELDS: controlFields(i, record.fields()); break;
                    case DATA_FIELDS: dataFields(i, record.fields()); break;
                    case SOURCE_FILE: row.write(i, file); break;
                    case BYTE_OFFSET: row.write(i, offset); break;
                    case RECORD_LENGTH: row.write(i, length); break;
                    case ERRORS: errors(i, record.errors()); break;
                    case CORRUPT_RECORD: row.setNullAt(i); break;
                    default: throw new AssertionError(columns[i]);
                }
            }
            return row.getRow();
        }

        private void errors(int ordinal, List<MarcError> errors) {
            int start = row.cursor();
            errorArray.initialize(errors.size());
            for (int k = 0; k < errors.size(); k++) {
                errorArray.write(k, UTF8String.fromString(errors.get(k).toString()));
            }
            row.setOffsetAndSizeFromPreviousCursor(ordinal, start);
        }

        private void controlFields(int ordinal, List<Field> fields) {
            int n = 0;
            for (Field f : fields) {
                n += f.isControl() ? 1 : 0;
            }
            int start = row.cursor();
            controlArray.initialize(n);
            int k = 0;
            for (Field f : fields) {
                if (f.isControl()) {
                    int elementStart = controlArray.cursor();
                    control.resetRowWriter();
                    for (int i = 0; i < controlParts.length; i++) {
                        control.write(i, controlParts[i] == Part.TAG ? tag(f.tag()) : UTF8String.fromString(f.data()));
                    }
                    controlArray.setOffsetAndSizeFromPreviousCursor(k++, elementStart);
                }
            }
            row.setOffsetAndSizeFromPreviousCursor(ordinal, start);
        }

        private void dataFields(int ordinal, List<Field> fields) {
            int n = 0;
            for (Field f : fields) {
                n += f.isControl() ? 0 : 1;
            }
            int start = row.cursor();
            dataArray.initialize(n);
            int k = 0;
            for (Field f : fields) {
                if (!f.isControl()) {
                    DataField d = (DataField) f;
                    int elementStart = dataArray.cursor();
                    data.resetRowWriter();
                    for (int i = 0; i < dataParts.length; i++) {
                        switch (dataParts[i]) {
                            case TAG: data.write(i, tag(d.tag())); break;
                            case IND1: data.write(i, character(d.indicator1())); break;
                            case IND2: data.write(i, character(d.indicator2())); break;
                            case SUBFIELDS: subfields(i, d); break;
                            default: data.setNullAt(i); break;
                        }
                    }
                    dataArray.setOffsetAndSizeFromPreviousCursor(k++, elementStart);
                }
            }
            row.setOffsetAndSizeFromPreviousCursor(ordinal, start);
        }

        private void subfields(int ordinal, DataField d) {
            int start = data.cursor();
            int n = d.subfieldCount();
            subfieldArray.initialize(n);
            for (int s = 0; s < n; s++) {
                int elementStart = subfieldArray.cursor();
                subfield.resetRowWriter();
                for (int i = 0; i < subfieldParts.length; i++) {
                    subfield.write(i, subfieldParts[i] == Part.CODE ? character(d.code(s))
                            : UTF8String.fromString(d.value(s)));
                }
                subfieldArray.setOffsetAndSizeFromPreviousCursor(s, elementStart);
            }
            data.setOffsetAndSizeFromPreviousCursor(ordinal, start);
        }
    }
}
