package org.marcring.engine.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import org.marcring.codec.ControlField;
import org.marcring.codec.DataField;
import org.marcring.codec.Field;
import org.marcring.codec.Leader;
import org.marcring.codec.MarcRecord;

/**
 * Makes one synthetic MARC 21 holdings record: a single-part item (leader/06 {@code x}) with its
 * location (852) and perhaps a textual holdings statement (866), or a serial (leader/06 {@code y}) with
 * captions (853), enumeration and chronology (863), supplements (864), indexes (865) and a textual
 * summary (866). Holdings records are small: 7 to about 25 fields.
 */
final class HoldingsShape {
    private static final String[] MONTHS = {"01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"};

    private HoldingsShape() {
    }

    static MarcRecord build(long ordinal, SplittableRandom random) {
        Words w = new Words(random, 0.0);
        boolean serial = w.chance(0.5);
        String leader = "00000" + (w.chance(0.8) ? 'n' : 'c') + (serial ? 'y' : 'x') + "  a2200000"
                + w.pick(new String[] {"1", "2", "3", "4", "5", "u", "z"}) + (w.chance(0.5) ? 'i' : 'n') + " 4500";
        List<Field> f = new ArrayList<>(24);
        f.add(ControlField.of("001", "h" + (100_000_000L + ordinal)));
        f.add(ControlField.of("004", "ocn" + (100_000_000L + random.nextInt(100_000_000))));
        f.add(ControlField.of("005", w.timestamp()));
        f.add(ControlField.of("008", w.yymmdd() + (serial ? '4' : '0') + (w.chance(0.7) ? 'p' : 'u') + "    "
                + "8   " + (serial ? '4' : '1') + "001" + "aa" + (w.chance(0.8) ? "eng" : "   ") + '0'
                + w.yymmdd()));
        f.add(DataField.of("035", ' ', ' ', "a", "(Sirsi)" + w.digits(8)));
        String call = w.pick(new String[] {"PR", "QA", "HD", "Z", "ML", "BF"}) + w.between(1, 9999) + " ."
                + (char) ('A' + random.nextInt(26)) + w.digits(2);
        DataField.Builder location = DataField.builder("852").indicators('0', serial ? ' ' : '1')
                .add('a', "XYZ").add('b', w.pick(Vocabulary.LIBRARIES)).add('h', call);
        if (w.chance(0.4)) {
            location.add('t', Integer.toString(w.between(1, 3)));
        }
        if (w.chance(0.2)) {
            location.add('z', w.pick(new String[] {"Library has no. 4 only.", "Ask at circulation desk.",
                "Latest issues in reading room."}));
        }
        f.add(location.build());
        if (serial) {
            int firstYear = w.between(1950, 2010);
            int years = w.between(2, 14);
            f.add(DataField.of("853", '0', '3', "8", "1", "a", "v.", "b", "no.", "u", "12", "v", "r",
                    "i", "(year)", "j", "(month)"));
            for (int y = 0; y < years; y++) {
                f.add(DataField.of("863", '4', '1', "8", "1." + (y + 1), "a", Integer.toString(y + 1),
                        "b", "1-12", "i", Integer.toString(firstYear + y), "j", MONTHS[0] + "-" + MONTHS[11]));
            }
            if (w.chance(0.3)) {
                f.add(DataField.of("854", '0', '0', "8", "1", "a", "v.", "i", "(year)", "o", "(type)"));
                f.add(DataField.of("864", '4', '1', "8", "1.1", "a", "1", "i", Integer.toString(firstYear),
                        "o", "Special issue"));
            }
            if (w.chance(0.3)) {
                f.add(DataField.of("855", '0', '0', "8", "1", "a", "v.", "i", "(year)"));
                f.add(DataField.of("865", '4', '1', "8", "1.1", "a", "1-" + years, "i", firstYear + "-"
                        + (firstYear + years - 1)));
            }
            f.add(DataField.of("866", '4', '1', "8", "0", "a", "v.1-" + years + " (" + firstYear + "-"
                    + (firstYear + years - 1) + ")"));
        } else if (w.chance(0.5)) {
            int volumes = w.between(2, 12);
            f.add(DataField.of("866", '4', '1', "8", "0", "a", "v.1-" + volumes));
        }
        if (w.chance(0.3)) {
            f.add(DataField.of("876", ' ', ' ', "a", w.digits(9), "p", "3" + w.digits(13), "c", "$" + w.between(5, 150)
                    + ".00"));
        }
        f.sort(Comparator.comparing(Field::tag));   // stable: 863s keep their order
        return new MarcRecord(Leader.of(leader), f);
    }
}
