package org.openphm.synth;

import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A person's registers (register id to diagnosis date) as two small arrays, in the order they were drawn.
 *
 * <p>Why not a hash map: the activity models ask every person, for every year and every service or condition,
 * whether they were on a register on a date (hundreds of questions a person, a billion for a full ICB), and
 * the answer is almost always about a person on none or one or two registers. A scan of so few entries, the id
 * compared by reference first (the models ask with the catalogue's own id strings) and the date as an epoch
 * day, was a sixth of generation's time as a hash map lookup and a date comparison.
 */
public final class RegisterDates extends AbstractMap<String, LocalDate> {
    private static final RegisterDates NONE = new RegisterDates(new String[0], new LocalDate[0]);

    private final String[] ids;
    private final LocalDate[] dates;
    private final long[] days;

    private RegisterDates(String[] ids, LocalDate[] dates) {
        this.ids = ids;
        this.dates = dates;
        this.days = new long[dates.length];
        for (int i = 0; i < dates.length; i++) {
            days[i] = dates[i] == null ? Long.MAX_VALUE : dates[i].toEpochDay();
        }
    }

    /** The registers of {@code map}, in its iteration order; a RegisterDates is returned as it is. */
    public static RegisterDates of(Map<String, LocalDate> map) {
        if (map instanceof RegisterDates r) {
            return r;
        }
        if (map.isEmpty()) {
            return NONE;
        }
        String[] ids = new String[map.size()];
        LocalDate[] dates = new LocalDate[map.size()];
        int i = 0;
        for (Map.Entry<String, LocalDate> e : map.entrySet()) {
            ids[i] = java.util.Objects.requireNonNull(e.getKey(), "register id");
            dates[i++] = e.getValue();
        }
        return new RegisterDates(ids, dates);
    }

    private int indexOf(Object id) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == id) {
                return i;
            }
        }
        for (int i = 0; i < ids.length; i++) {
            if (ids[i].equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the person was on the register on the date (diagnosed on or before it). */
    public boolean onOn(String register, LocalDate date) {
        int i = indexOf(register);
        return i >= 0 && days[i] <= date.toEpochDay();
    }

    @Override
    public LocalDate get(Object id) {
        int i = indexOf(id);
        return i < 0 ? null : dates[i];
    }

    @Override
    public boolean containsKey(Object id) {
        return indexOf(id) >= 0;
    }

    @Override
    public int size() {
        return ids.length;
    }

    @Override
    public Set<Map.Entry<String, LocalDate>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, LocalDate>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < ids.length;
                    }

                    @Override
                    public Map.Entry<String, LocalDate> next() {
                        if (next >= ids.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new AbstractMap.SimpleImmutableEntry<>(ids[i], dates[i]);
                    }
                };
            }

            @Override
            public int size() {
                return ids.length;
            }
        };
    }
}
