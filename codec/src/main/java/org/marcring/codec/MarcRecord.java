package org.marcring.codec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A MARC record: a {@link Leader} and its variable fields in order, of any kind (bibliographic,
 * authority, holdings, classification, community information).
 *
 * <p>Records are immutable and safe to share between threads. Edit one with {@link #toBuilder()}.
 * A record read by a permissive reader carries the problems found in {@link #errors()}; errors are
 * not part of {@link #equals(Object)}, which compares the leader and the fields.
 *
 * <p>The values of a record are Unicode text, whatever the character coding of its input: a decoded MARC-8
 * record holds Unicode, while its leader keeps position 09 as read (blank), so that
 * {@code leader().characterCoding()} tells what the input said. Encoders write leader/09 for what they write.
 *
 * <p>Every lookup by tag takes a tag or a <em>tag pattern</em>, where {@code X} (or {@code x}) stands for
 * any character: {@code "6XX"} finds the subject fields, {@code "1XX"} the main entry, {@code "XXX"} every
 * field. Lookups never throw for a field or subfield that is not there: they answer {@code null} or an
 * empty list.
 *
 * <pre>{@code
 * String title = record.value("245", 'a');             // first 245 $a, or null
 * String mainEntry = record.value("1XX", 'a');          // 100, 110, 111 or 130 $a
 * List<Field> subjects = record.getFields("6XX");
 * List<Field> names = record.getFields(Set.of("100", "700"));
 * List<Field> aboutCats = record.search("6XX", "(?i)cats?");   // as marc4j's find("6XX", regex)
 * MarcRecord edited = record.toBuilder()
 *         .removeFields("9XX")
 *         .addField(DataField.of("500", ' ', ' ', "a", "Edited."))
 *         .build();
 * }</pre>
 */
public final class MarcRecord {
    private final Leader leader;
    private final List<Field> fields;
    private final List<MarcError> errors;

    /** A record without errors. */
    public MarcRecord(Leader leader, List<? extends Field> fields) {
        this(leader, fields, List.of());
    }

    /** A record with the problems found while reading it. */
    public MarcRecord(Leader leader, List<? extends Field> fields, List<MarcError> errors) {
        this.leader = Objects.requireNonNull(leader, "leader");
        this.fields = List.copyOf(fields);
        this.errors = List.copyOf(errors);
    }

    /** A builder for a new record, starting with {@link Leader#defaultBibliographic()}. */
    public static Builder builder() {
        return new Builder(Leader.defaultBibliographic(), new ArrayList<>(), new ArrayList<>());
    }

    /** A builder that starts from this record (its errors included). */
    public Builder toBuilder() {
        return new Builder(leader, new ArrayList<>(fields), new ArrayList<>(errors));
    }

    /** The leader. */
    public Leader leader() {
        return leader;
    }

    /** All variable fields in record order. */
    public List<Field> fields() {
        return fields;
    }

    /** The problems found while reading this record; empty for a clean record. */
    public List<MarcError> errors() {
        return errors;
    }

    /** Whether any problem was found while reading this record. */
    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Which kind of record this is, from leader/06. */
    public RecordKind kind() {
        return leader.kind();
    }

    /** The first field with {@code tag} (or matching a tag pattern such as {@code "1XX"}), or {@code null}. */
    public Field get(String tag) {
        for (Field f : fields) {
            if (tagMatches(tag, f.tag())) {
                return f;
            }
        }
        return null;
    }

    /** The first field with {@code tag} (or matching a tag pattern), if any. */
    public Optional<Field> find(String tag) {
        return Optional.ofNullable(get(tag));
    }

    /** All fields with any of the given tags or tag patterns ({@code "6XX"}), in record order. */
    public List<Field> getFields(String... tags) {
        return getFields(Arrays.asList(tags));
    }

    /** All fields with any of the given tags or tag patterns (a set, a list), in record order. */
    public List<Field> getFields(Collection<String> tags) {
        List<Field> found = new ArrayList<>();
        for (Field f : fields) {
            if (anyTagMatches(tags, f.tag())) {
                found.add(f);
            }
        }
        return found;
    }

    /**
     * The fields with a tag matching {@code tagPattern} ({@code "XXX"}: any) whose data, or any of whose
     * subfield values, contains a match of {@code regex}, in record order. This is marc4j's
     * {@code Record.find(tag, pattern)}: {@code record.search("245", "(?i)pride")}.
     *
     * @throws java.util.regex.PatternSyntaxException for a malformed regular expression
     */
    public List<Field> search(String tagPattern, String regex) {
        return search(tagPattern, Pattern.compile(regex));
    }

    /** As {@link #search(String, String)}, with a compiled pattern. */
    public List<Field> search(String tagPattern, Pattern regex) {
        Objects.requireNonNull(regex, "regex");
        List<Field> found = new ArrayList<>();
        for (Field f : fields) {
            if (tagMatches(tagPattern, f.tag()) && contains(f, regex)) {
                found.add(f);
            }
        }
        return found;
    }

    private static boolean contains(Field f, Pattern regex) {
        if (f.isControl()) {
            return f.data() != null && regex.matcher(f.data()).find();
        }
        for (Subfield s : f.subfields()) {
            if (regex.matcher(s.value()).find()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the record has a field with {@code tag} (or matching a tag pattern). */
    public boolean has(String tag) {
        return get(tag) != null;
    }

    /**
     * The first value of subfield {@code code} in the first field with {@code tag} (or matching a tag
     * pattern) that has one, or {@code null}: {@code record.value("245", 'a')}, never an exception where
     * the record has no such field.
     */
    public String value(String tag, char code) {
        for (Field f : fields) {
            if (tagMatches(tag, f.tag())) {
                String v = f.get(code);
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }

    /** All values of subfield {@code code} in all fields with {@code tag} (or matching a tag pattern), in record order. */
    public List<String> values(String tag, char code) {
        List<String> found = new ArrayList<>();
        for (Field f : fields) {
            if (tagMatches(tag, f.tag())) {
                found.addAll(f.getAll(code));
            }
        }
        return found;
    }

    /** The data of the first control field with {@code tag}, or {@code null}. */
    public String controlValue(String tag) {
        Field f = get(tag);
        return f == null ? null : f.data();
    }

    /** The control number (001), or {@code null}. */
    public String controlNumber() {
        return controlValue("001");
    }

    /** The title statement (245), or {@code null}. */
    public Field titleStatement() {
        return get("245");
    }

    /**
     * The title: 245 $a followed by $b (subtitle), joined by a space as pymarc does, or {@code null}
     * where there is no 245 $a.
     */
    public String title() {
        Field f = get("245");
        if (f == null || f.get('a') == null) {
            return null;
        }
        String b = f.get('b');
        return b == null ? f.get('a') : f.get('a') + " " + b;
    }

    /** All ISBNs as recorded (020 $a). */
    public List<String> isbns() {
        return values("020", 'a');
    }

    /** All ISSNs as recorded (022 $a). */
    public List<String> issns() {
        return values("022", 'a');
    }

    /**
     * Whether {@code tag} is matched by {@code pattern}: a tag, or a tag with {@code X} or {@code x} standing
     * for any character ({@code "6XX"}, {@code "24X"}).
     */
    static boolean tagMatches(String pattern, String tag) {
        int n = pattern.length();
        if (n != tag.length()) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char p = pattern.charAt(i);
            if (p != tag.charAt(i) && p != 'X' && p != 'x') {
                return false;
            }
        }
        return true;
    }

    private static boolean anyTagMatches(Collection<String> patterns, String tag) {
        for (String p : patterns) {
            if (tagMatches(p, tag)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MarcRecord)) {
            return false;
        }
        MarcRecord other = (MarcRecord) o;
        return leader.equals(other.leader) && fields.equals(other.fields);
    }

    @Override
    public int hashCode() {
        return 31 * leader.hashCode() + fields.hashCode();
    }

    /** The record in the line dump format: {@code LDR …}, then one line per field. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("LDR ").append(leader);
        for (Field f : fields) {
            sb.append('\n').append(f);
        }
        return sb.toString();
    }

    /** Builds or edits a {@link MarcRecord}; not thread-safe, one per use. */
    public static final class Builder {
        private Leader leader;
        private final List<Field> fields;
        private final List<MarcError> errors;

        private Builder(Leader leader, List<Field> fields, List<MarcError> errors) {
            this.leader = leader;
            this.fields = fields;
            this.errors = errors;
        }

        /** Sets the leader. */
        public Builder leader(Leader leader) {
            this.leader = Objects.requireNonNull(leader);
            return this;
        }

        /** Sets the leader from 24 characters. */
        public Builder leader(String leader) {
            return leader(Leader.of(leader));
        }

        /** Appends a field. */
        public Builder addField(Field field) {
            fields.add(Objects.requireNonNull(field));
            return this;
        }

        /** Appends a control field. */
        public Builder controlField(String tag, String data) {
            return addField(new ControlField(tag, data));
        }

        /** Appends a data field from alternating codes and values. */
        public Builder dataField(String tag, char indicator1, char indicator2, String... codesAndValues) {
            return addField(DataField.of(tag, indicator1, indicator2, codesAndValues));
        }

        /**
         * Inserts a field before the first field whose tag sorts after its tag, keeping a record
         * whose fields are in tag order in tag order.
         */
        public Builder addFieldInOrder(Field field) {
            int i = 0;
            while (i < fields.size() && fields.get(i).tag().compareTo(field.tag()) <= 0) {
                i++;
            }
            fields.add(i, field);
            return this;
        }

        /** Removes every field with any of the given tags or tag patterns ({@code "9XX"}). */
        public Builder removeFields(String... tags) {
            List<String> patterns = Arrays.asList(tags);
            fields.removeIf(f -> anyTagMatches(patterns, f.tag()));
            return this;
        }

        /** Removes one field (compared by equality, first occurrence). */
        public Builder removeField(Field field) {
            fields.remove(field);
            return this;
        }

        /**
         * Replaces the first field with {@code tag} by {@code replacement}, or appends it in tag order
         * where there is none.
         */
        public Builder replaceField(String tag, Field replacement) {
            for (int i = 0; i < fields.size(); i++) {
                if (fields.get(i).tag().equals(tag)) {
                    fields.set(i, replacement);
                    return this;
                }
            }
            return addFieldInOrder(replacement);
        }

        /** The fields being built, to edit directly. */
        public List<Field> fields() {
            return fields;
        }

        /** Drops the errors carried over from reading. */
        public Builder clearErrors() {
            errors.clear();
            return this;
        }

        /** Adds an error. */
        public Builder addError(MarcError error) {
            errors.add(Objects.requireNonNull(error));
            return this;
        }

        /** The record. */
        public MarcRecord build() {
            return new MarcRecord(leader, fields, errors.isEmpty() ? Collections.emptyList() : errors);
        }
    }
}
