package org.marcring.engine;

import java.util.List;
import java.util.Objects;

import org.marcring.codec.MarcError;
import org.marcring.codec.MarcFormatException;

/**
 * A record the pipeline passed on after the decoder repaired it, as reported to
 * {@link ErrorPolicy#repaired(RepairedRecord)} in input order: where it was and what was repaired. A
 * record is repaired when its errors include a {@link MarcError.Severity#WARNING} or worse; it has data
 * dropped when one of them is an {@link MarcError.Severity#ERROR} (data replaced or lost, e.g. fields
 * outside a record cut short, text before a field's first subfield delimiter) or when the input ended
 * inside it (its tail is lost, whatever the decoder made of the rest). Records whose errors are only
 * {@link MarcError.Severity#INFO} notes count as clean.
 *
 * @param ordinal       0-based index of the record in the input (a message names it {@code ordinal + 1})
 * @param byteOffset    offset of the record's first byte in the input
 * @param controlNumber the record's 001, or {@code null}
 * @param errors        the repairs, as the decoder listed them (unmodifiable)
 * @param dataDropped   whether a repair replaced or dropped data, or the record was cut short
 */
public record RepairedRecord(long ordinal, long byteOffset, String controlNumber, List<MarcError> errors,
                             boolean dataDropped) {

    /** Copies the list of repairs. */
    public RepairedRecord {
        errors = List.copyOf(Objects.requireNonNull(errors, "errors"));
    }

    /** Whether one of {@code errors} says that data was replaced or dropped (ERROR or worse). */
    static boolean losesData(List<MarcError> errors) {
        return errors.stream().anyMatch(e -> e.severity().compareTo(MarcError.Severity.ERROR) >= 0);
    }

    /**
     * The record's repairs, or {@code null} where it needed none worth reporting (no error of
     * {@link MarcError.Severity#WARNING} or worse).
     */
    static List<MarcError> repairsOf(org.marcring.codec.MarcRecord record) {
        if (!record.hasErrors()) {
            return null;
        }
        for (MarcError e : record.errors()) {
            if (e.severity().compareTo(MarcError.Severity.WARNING) >= 0) {
                return record.errors();
            }
        }
        return null;
    }

    /**
     * The message {@code record 12 at byte 34567: repaired (data dropped): first repair; and N more}, numbering
     * the record from 1 (its ordinal 11).
     */
    public String message() {
        String first = errors.isEmpty() ? "" : ": " + errors.get(0);
        String more = errors.size() > 1 ? "; and " + (errors.size() - 1) + " more" : "";
        return MarcFormatException.describe(ordinal, byteOffset,
                (dataDropped() ? "repaired, data dropped" : "repaired") + first + more);
    }
}
