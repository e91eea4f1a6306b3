package kz.opendata.hub.analysis.detect;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import kz.opendata.hub.analysis.types.MissingValues;

/** Counts, for one column, how many values each detector recognises, keeping a few masked samples. */
public final class ColumnScan {

    private final List<ValueDetector> detectors;
    private final long[] matches;
    private final List<Set<String>> evidence;
    private final int evidenceLimit;
    private long valueCount;

    ColumnScan(List<ValueDetector> detectors, int evidenceLimit) {
        this.detectors = detectors;
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
        if (value == null) {
            return;
        }
        valueCount++;
        for (int i = 0; i < detectors.size(); i++) {
            ValueDetector detector = detectors.get(i);
            if (detector.matches(value)) {
                matches[i]++;
                Set<String> samples = evidence.get(i);
                if (samples.size() < evidenceLimit) {
                    samples.add(detector.mask(value));
                }
            }
        }
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
