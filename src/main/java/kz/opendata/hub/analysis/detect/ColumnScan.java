package kz.opendata.hub.analysis.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import kz.opendata.hub.analysis.types.MissingValues;
import kz.opendata.hub.analysis.types.ValueMemo;

/** Counts, for one column, how many values each detector recognises, keeping a few masked samples. */
public final class ColumnScan {

    private final List<ValueDetector> detectors;
    private final Precondition[] preconditions;
    /** The counts of the value under test, taken once for every detector's precondition. */
    private final Precondition.Counts counts = new Precondition.Counts();

    private final long[] matches;
    private final List<Set<String>> evidence;
    private final int evidenceLimit;
    /** Which detectors matched a value, one bit per detector, for values repeated down the column. */
    private final ValueMemo<Integer> memo;

    /** The bit set of each cache entry's value plus one, so that 0 means not yet tested. */
    private int[] matchedByEntry = new int[0];

    private long valueCount;

    ColumnScan(List<ValueDetector> detectors, int evidenceLimit, int memoCapacity) {
        if (detectors.size() > Integer.SIZE) {
            throw new IllegalArgumentException(
                    detectors.size() + " detectors do not fit the scan's bit set of " + Integer.SIZE);
        }
        this.detectors = detectors;
        this.preconditions = detectors.stream().map(ValueDetector::precondition).toArray(Precondition[]::new);
        this.memo = new ValueMemo<>(memoCapacity);
        this.matches = new long[detectors.size()];
        this.evidence = new ArrayList<>();
        for (int i = 0; i < detectors.size(); i++) {
            evidence.add(new LinkedHashSet<>());
        }
        this.evidenceLimit = evidenceLimit;
    }

    /** Tests one cell against every detector; missing values are not counted. */
    public void accept(String cell) {
        acceptValue(MissingValues.isMissing(cell) ? null : MissingValues.normalize(cell));
    }

    /**
     * Tests a value already normalized by {@link MissingValues#normalize}, or null for a missing
     * one, so a caller that feeds several accumulators normalizes each cell once.
     */
    public void acceptValue(String value) {
        acceptValue(value, -1);
    }

    /**
     * Tests a normalized value with its cache entry, a number from 0 that the same value always
     * has, or -1 when it has none. The detectors' result for a numbered value is kept by number.
     */
    public void acceptValue(String value, int entry) {
        if (value == null) {
            return;
        }
        valueCount++;
        int matched;
        if (entry >= 0 && entry < matchedByEntry.length && matchedByEntry[entry] != 0) {
            matched = matchedByEntry[entry] - 1;
        } else {
            matched = matchingDetectors(value);
            rememberEntry(entry, matched);
        }
        for (int i = 0; matched != 0; i++, matched >>>= 1) {
            if ((matched & 1) != 0) {
                matches[i]++;
                Set<String> samples = evidence.get(i);
                if (samples.size() < evidenceLimit) {
                    samples.add(detectors.get(i).mask(value));
                }
            }
        }
    }

    private void rememberEntry(int entry, int matched) {
        if (entry < 0) {
            return;
        }
        if (entry >= matchedByEntry.length) {
            matchedByEntry = Arrays.copyOf(matchedByEntry, Math.max(entry + 1, matchedByEntry.length * 2));
        }
        matchedByEntry[entry] = matched + 1;
    }

    /** Returns a bit set of the detectors that recognise the value: bit i for detector i. */
    private int matchingDetectors(String value) {
        Integer remembered = memo.get(value);
        if (remembered != null) {
            return remembered;
        }
        Precondition.Counts valueCounts = counts.count(value);
        int matched = 0;
        for (int i = 0; i < detectors.size(); i++) {
            if (preconditions[i].admits(valueCounts) && detectors.get(i).matches(value)) {
                matched |= 1 << i;
            }
        }
        memo.put(value, matched);
        return matched;
    }

    long valueCount() {
        return valueCount;
    }

    /** Share of non-missing values the detector of this kind recognised, 0..1. */
    double share(String kind) {
        int index = indexOf(kind);
        return valueCount == 0 || index < 0 ? 0 : (double) matches[index] / valueCount;
    }

    List<String> evidence(String kind) {
        int index = indexOf(kind);
        return index < 0 ? List.of() : List.copyOf(evidence.get(index));
    }

    private int indexOf(String kind) {
        for (int i = 0; i < detectors.size(); i++) {
            if (detectors.get(i).kind().equals(kind)) {
                return i;
            }
        }
        return -1;
    }
}
