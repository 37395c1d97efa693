package org.marcring.engine.marc4j;

import java.util.ArrayList;
import java.util.List;

import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;
import org.marc4j.marc.VariableField;
import org.marcring.codec.ControlField;
import org.marcring.codec.DataField;
import org.marcring.codec.Field;
import org.marcring.codec.Leader;
import org.marcring.codec.MarcError;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.Subfield;

/**
 * Converts records between marcring's model and marc4j's, both ways, field for field: leader, control
 * fields, data fields with indicators and subfields in order, and the errors a permissive read found
 * (as marc4j's {@code Record.addError}).
 *
 * <pre>{@code
 * org.marc4j.marc.Record legacy = Marc4jRecords.toMarc4j(record);
 * MarcRecord back = Marc4jRecords.fromMarc4j(legacy);
 * }</pre>
 */
public final class Marc4jRecords {
    private Marc4jRecords() {
    }

    /** A marc4j record built with marc4j's default {@link MarcFactory}. */
    public static Record toMarc4j(MarcRecord record) {
        return toMarc4j(record, MarcFactory.newInstance());
    }

    /** A marc4j record built with {@code factory}. */
    public static Record toMarc4j(MarcRecord record, MarcFactory factory) {
        Record out = factory.newRecord(factory.newLeader(record.leader().toString()));
        for (Field f : record.fields()) {
            if (f.isControl()) {
                out.addVariableField(factory.newControlField(f.tag(), f.data()));
            } else {
                DataField d = (DataField) f;
                org.marc4j.marc.DataField df = factory.newDataField(d.tag(), d.indicator1(), d.indicator2());
                for (int i = 0, n = d.subfieldCount(); i < n; i++) {
                    df.addSubfield(factory.newSubfield(d.code(i), d.value(i)));
                }
                out.addVariableField(df);
            }
        }
        for (MarcError e : record.errors()) {
            out.addError(e.tag() == null ? "n/a" : e.tag(), "n/a", severity(e.severity()), e.message()
                    + (e.position() >= 0 ? " (byte " + e.position() + ")" : ""));
        }
        return out;
    }

    /** A marcring record with the same leader and fields as {@code record} (marc4j's errors become INFO errors). */
    public static MarcRecord fromMarc4j(Record record) {
        String leader = record.getLeader() == null ? null : record.getLeader().marshal();
        List<Field> fields = new ArrayList<>();
        for (VariableField v : record.getVariableFields()) {
            if (v instanceof org.marc4j.marc.ControlField) {
                org.marc4j.marc.ControlField c = (org.marc4j.marc.ControlField) v;
                fields.add(new ControlField(c.getTag(), c.getData() == null ? "" : c.getData()));
            } else if (v instanceof org.marc4j.marc.DataField) {
                org.marc4j.marc.DataField d = (org.marc4j.marc.DataField) v;
                List<Subfield> subs = new ArrayList<>();
                for (org.marc4j.marc.Subfield s : d.getSubfields()) {
                    subs.add(new Subfield(s.getCode(), s.getData() == null ? "" : s.getData()));
                }
                fields.add(new DataField(d.getTag(), d.getIndicator1(), d.getIndicator2(), subs));
            }
        }
        List<MarcError> errors = new ArrayList<>();
        if (record.getErrors() != null) {
            for (org.marc4j.MarcError e : record.getErrors()) {
                errors.add(new MarcError(fromSeverity(e.severity), "n/a".equals(e.curField) ? null : e.curField, -1,
                        e.message));
            }
        }
        Leader l = leader != null && leader.length() == Leader.LENGTH ? Leader.of(leader) : Leader.defaultBibliographic();
        return new MarcRecord(l, fields, errors);
    }

    /** marc4j's severity for one of ours. */
    static int severity(MarcError.Severity s) {
        switch (s) {
            case INFO: return org.marc4j.MarcError.INFO;
            case WARNING: return org.marc4j.MarcError.MINOR_ERROR;
            case ERROR: return org.marc4j.MarcError.MAJOR_ERROR;
            default: return org.marc4j.MarcError.FATAL;
        }
    }

    private static MarcError.Severity fromSeverity(int s) {
        if (s <= org.marc4j.MarcError.INFO) {
            return MarcError.Severity.INFO;
        }
        if (s <= org.marc4j.MarcError.MINOR_ERROR) {
            return MarcError.Severity.WARNING;
        }
        if (s == org.marc4j.MarcError.MAJOR_ERROR) {
            return MarcError.Severity.ERROR;
        }
        return MarcError.Severity.FATAL;
    }
}
