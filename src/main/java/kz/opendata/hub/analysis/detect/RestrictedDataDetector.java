package kz.opendata.hub.analysis.detect;

import java.util.ArrayList;
import java.util.List;
import kz.opendata.hub.analysis.Restriction;

/**
 * Decides which columns hold restricted data, from the values each detector recognised and the
 * column's header.
 *
 * <p>A kind is established for a column when at least {@value #ESTABLISHED_SHARE} of its non-empty
 * values match, or {@value #HINTED_SHARE} when the header hints at the kind ("ФИО", "Телефон");
 * a smaller share down to {@value #TRACE_SHARE} is a trace. Severity:
 *
 * <ul>
 *   <li>IIN: restricted, even as a trace, because each one identifies a person.
 *   <li>Person name: restricted when established, review as a trace.
 *   <li>Phone and e-mail: restricted when established in a table that also has an established
 *       person-name column, because the contacts then belong to named people; otherwise review,
 *       since a directory of institutions lists switchboard numbers and shared mailboxes.
 * </ul>
 */
public final class RestrictedDataDetector {

    static final double ESTABLISHED_SHARE = 0.5;
    static final double HINTED_SHARE = 0.2;
    static final double TRACE_SHARE = 0.05;

    /** Kinds in order of precedence when a column matches several. */
    private static final List<String> KINDS =
            List.of(IinDetector.KIND, EmailDetector.KIND, PhoneDetector.KIND, PersonNameDetector.KIND);

    private final ColumnHints hints;
    private final int evidenceLimit;
    private final List<ValueDetector> detectors;

    public RestrictedDataDetector(ColumnHints hints, int evidenceLimit) {
        this.hints = hints;
        this.evidenceLimit = evidenceLimit;
        this.detectors = List.of(
                new IinDetector(), new EmailDetector(), new PhoneDetector(), PersonNameDetector.withBundledNames());
    }

    /** A fresh per-column counter for one analysis. */
    public ColumnScan newScan() {
        return new ColumnScan(detectors, evidenceLimit);
    }

    /** Evaluates every column of a table; the result lists one finding per column, in order. */
    public List<Finding> evaluate(List<String> header, List<ColumnScan> scans) {
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < scans.size(); i++) {
            candidates.add(strongestKind(header.get(i), scans.get(i)));
        }
        boolean namedPeople = candidates.stream()
                .anyMatch(candidate -> candidate.established && PersonNameDetector.KIND.equals(candidate.kind));
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            findings.add(finding(candidates.get(i), scans.get(i), namedPeople));
        }
        return findings;
    }

    private Candidate strongestKind(String header, ColumnScan scan) {
        Candidate best = new Candidate(null, 0, false);
        for (String kind : KINDS) {
            double share = scan.share(kind);
            double needed = hints.hints(header, kind) ? HINTED_SHARE : ESTABLISHED_SHARE;
            if (share >= TRACE_SHARE && share > best.share) {
                best = new Candidate(kind, share, share >= needed);
            }
        }
        return best;
    }

    private static Finding finding(Candidate candidate, ColumnScan scan, boolean namedPeople) {
        if (candidate.kind == null) {
            return new Finding(null, null);
        }
        String severity = severity(candidate, namedPeople);
        String semanticType = candidate.established ? candidate.kind : null;
        double share = Math.round(candidate.share * 1000) / 1000.0;
        return new Finding(
                semanticType, new Restriction(candidate.kind, severity, share, scan.evidence(candidate.kind)));
    }

    private static String severity(Candidate candidate, boolean namedPeople) {
        return switch (candidate.kind) {
            case IinDetector.KIND -> Restriction.SEVERITY_RESTRICTED;
            case PersonNameDetector.KIND ->
                candidate.established ? Restriction.SEVERITY_RESTRICTED : Restriction.SEVERITY_REVIEW;
            default ->
                candidate.established && namedPeople ? Restriction.SEVERITY_RESTRICTED : Restriction.SEVERITY_REVIEW;
        };
    }

    /**
     * What the detectors found in one column.
     *
     * @param semanticType the established kind, or null
     * @param restriction null when no detector matched even a trace
     */
    public record Finding(String semanticType, Restriction restriction) {}

    private record Candidate(String kind, double share, boolean established) {}
}
