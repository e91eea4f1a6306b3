package kz.opendata.hub.analysis.detect;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.opendata.hub.analysis.Restriction;
import kz.opendata.hub.analysis.types.ColumnProfiler;

/**
 * Decides which columns hold restricted data, from the values each detector recognised and the
 * column's header.
 *
 * <p>A kind is established for a column when at least {@value #ESTABLISHED_SHARE} of its non-empty
 * values match, or {@value #HINTED_SHARE} when the header hints at the kind ("ФИО", "Телефон");
 * a smaller share down to {@value #TRACE_SHARE} is a trace. Birth dates and identity documents
 * count only under a hinting header, because any date or nine-digit number matches their format.
 * Under a header that names an IIN, 12-digit values count as IINs even when their check digit is
 * wrong.
 * Severity:
 *
 * <ul>
 *   <li>IIN: restricted, even as a trace, because each one identifies a person.
 *   <li>Person name, payment card, birth date, identity document: restricted when established,
 *       review as a trace.
 *   <li>Phone, e-mail, bank account (IBAN), home address: restricted when established in a table
 *       that also has an established person-name column, or under a header that hints at the
 *       kind for addresses and accounts, because they then belong to named people. Otherwise a
 *       person reviews them, since a directory of institutions lists switchboard numbers, shared
 *       mailboxes and company accounts.
 * </ul>
 *
 * <p>Business identification numbers (BIN) are public: an established BIN column only gets the
 * semantic type {@code bin}.
 *
 * <p>IINs inside longer text, such as comments ({@link InTextDetector}), count with whole IINs
 * towards the trace share, and a column with that share of IINs is restricted even where another
 * kind is more common. A column may contain even one IIN, card number, IBAN, e-mail address or
 * contact phone number, as a whole cell or inside text, and no other finding. It then gets a review
 * finding of that kind, so a person decides before such a column is published.
 *
 * <p>NOTE: the detectors read ASCII digits only, so an IIN or a phone number written in digits of
 * another script, such as Arabic-Indic, marks no column. Passport documents still hide it.
 */
public final class RestrictedDataDetector {

    static final double ESTABLISHED_SHARE = 0.5;
    static final double HINTED_SHARE = 0.2;
    static final double TRACE_SHARE = 0.05;

    /** Kinds in order of precedence when a column matches several equally. */
    private static final List<String> KINDS = List.of(
            IinDetector.KIND,
            PaymentCardDetector.KIND,
            IbanDetector.KIND,
            IdentityDocumentDetector.KIND,
            EmailDetector.KIND,
            PhoneDetector.KIND,
            BirthDateDetector.KIND,
            HomeAddressDetector.KIND,
            PersonNameDetector.KIND);

    private static final Set<String> NEED_HINT =
            Set.of(BirthDateDetector.KIND, IdentityDocumentDetector.KIND, IinShapeDetector.KIND);

    /** Detectors of values inside text, in the order of {@link #KINDS}. */
    private static final List<String> IN_TEXT_KINDS = List.of(
            InTextDetector.IIN,
            InTextDetector.PAYMENT_CARD,
            InTextDetector.IBAN,
            InTextDetector.EMAIL,
            InTextDetector.PHONE);

    /** Header hint kind of each detector whose hint differs from its own kind. */
    private static final Map<String, String> HINT_OF = Map.of(IinShapeDetector.KIND, IinDetector.KIND);

    private static final Set<String> RESTRICTED_WHEN_ESTABLISHED = Set.of(
            PersonNameDetector.KIND, PaymentCardDetector.KIND, BirthDateDetector.KIND, IdentityDocumentDetector.KIND);
    private static final Set<String> RESTRICTED_WHEN_HINTED = Set.of(IbanDetector.KIND, HomeAddressDetector.KIND);

    private final ColumnHints hints;
    private final int evidenceLimit;
    private final List<ValueDetector> detectors;

    public RestrictedDataDetector(ColumnHints hints, int evidenceLimit) {
        this.hints = hints;
        this.evidenceLimit = evidenceLimit;
        this.detectors = List.of(
                new IinDetector(),
                new PaymentCardDetector(),
                new IbanDetector(),
                new IdentityDocumentDetector(),
                new EmailDetector(),
                new PhoneDetector(),
                new BirthDateDetector(),
                new HomeAddressDetector(),
                PersonNameDetector.withBundledNames(),
                new BinDetector(),
                new IinShapeDetector(),
                InTextDetector.iin(),
                InTextDetector.paymentCard(),
                InTextDetector.iban(),
                InTextDetector.email(),
                InTextDetector.phone());
    }

    /** Returns every detector, in the order of the scans' bit sets. */
    List<ValueDetector> detectors() {
        return detectors;
    }

    /** Creates a per-column counter with every detector. */
    public ColumnScan newScan() {
        return new ColumnScan(detectors, evidenceLimit, ColumnProfiler.DEFAULT_MEMO_CAPACITY);
    }

    /**
     * Creates a counter for the column with this header. Detectors of kinds that count only under
     * a hinting header are left out of other columns, which saves their work on every cell.
     */
    public ColumnScan newScan(String header) {
        return newScan(header, ColumnProfiler.DEFAULT_MEMO_CAPACITY);
    }

    /**
     * Creates a counter for the column with this header, remembering the detectors' result for up
     * to {@code memoCapacity} distinct values so that repeated values are tested once.
     */
    public ColumnScan newScan(String header, int memoCapacity) {
        List<ValueDetector> used = detectors.stream()
                .filter(detector -> !NEED_HINT.contains(detector.kind())
                        || hints.hints(header, HINT_OF.getOrDefault(detector.kind(), detector.kind())))
                .toList();
        return new ColumnScan(used, evidenceLimit, memoCapacity);
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
        Candidate best = Candidate.NONE;
        for (String kind : KINDS) {
            boolean hinted = hints.hints(header, kind);
            double share = scan.share(kind);
            if (NEED_HINT.contains(kind) && !hinted) {
                continue;
            }
            double needed = hinted ? HINTED_SHARE : ESTABLISHED_SHARE;
            if (share >= TRACE_SHARE && share > best.share) {
                best = new Candidate(kind, share, share >= needed, hinted, List.of(kind), false);
            }
        }
        if (!best.established) {
            best = iinByShape(header, scan, best);
        }
        best = iinsAnywhere(scan, best);
        return best.kind != null ? best : rareMatches(scan);
    }

    /**
     * Returns an IIN candidate when whole IINs and IINs inside longer text, such as comments,
     * together make at least {@value #TRACE_SHARE} of the values, unless the column already has a
     * finding that is restricted whatever the table holds. Every IIN identifies a person, so a
     * column of phone numbers or names with IINs among them is restricted for its IINs.
     */
    private static Candidate iinsAnywhere(ColumnScan scan, Candidate best) {
        double share = scan.share(IinDetector.KIND) + scan.share(InTextDetector.IIN);
        boolean restrictedAlready = IinDetector.KIND.equals(best.kind)
                || (best.established && RESTRICTED_WHEN_ESTABLISHED.contains(best.kind));
        if (share < TRACE_SHARE || restrictedAlready) {
            return best;
        }
        return new Candidate(
                IinDetector.KIND, share, false, false, List.of(IinDetector.KIND, InTextDetector.IIN), false);
    }

    /**
     * Returns a review candidate for a column with IINs, card numbers, IBANs, e-mail addresses or
     * contact phone numbers, as whole cells or inside text, in fewer values than a trace. The kind
     * is the one found in most values. Returns {@link Candidate#NONE} when the column has none.
     */
    private static Candidate rareMatches(ColumnScan scan) {
        Candidate best = Candidate.NONE;
        List<String> found = new ArrayList<>();
        for (String inTextKind : IN_TEXT_KINDS) {
            String kind = inTextKind.substring(0, inTextKind.length() - InTextDetector.SUFFIX.length());
            double share = scan.share(kind) + scan.share(inTextKind);
            if (share > 0) {
                found.add(kind);
                found.add(inTextKind);
            }
            if (share > best.share) {
                best = new Candidate(kind, share, false, false, List.of(kind, inTextKind), true);
            }
        }
        if (best.kind == null) {
            return best;
        }
        // The evidence shows the other kinds found too, after the finding's own kind, so that a
        // phone number beside a more common e-mail address is not missed in the review.
        List<String> evidenceKinds = new ArrayList<>(best.evidenceKinds);
        found.stream().filter(kind -> !evidenceKinds.contains(kind)).forEach(evidenceKinds::add);
        return new Candidate(best.kind, best.share, false, false, evidenceKinds, true);
    }

    /**
     * Returns an IIN candidate for a column under an IIN header when enough values have the IIN shape,
     * even with wrong check digits, because a mistyped IIN still identifies a person.
     */
    private Candidate iinByShape(String header, ColumnScan scan, Candidate best) {
        double share = scan.share(IinShapeDetector.KIND);
        if (share < HINTED_SHARE || !hints.hints(header, IinDetector.KIND)) {
            return best;
        }
        return new Candidate(IinDetector.KIND, share, true, true, List.of(IinShapeDetector.KIND), false);
    }

    private Finding finding(Candidate candidate, ColumnScan scan, boolean namedPeople) {
        if (candidate.kind == null) {
            boolean bin = scan.share(BinDetector.KIND) >= ESTABLISHED_SHARE;
            return new Finding(bin ? BinDetector.KIND : null, null);
        }
        String severity = severity(candidate, namedPeople);
        String semanticType = candidate.established ? candidate.kind : null;
        // Three decimals, or two significant digits below 0.001, so that one value in a long text
        // column does not read as a share of 0.
        double share = candidate.share >= 0.001
                ? Math.round(candidate.share * 1000) / 1000.0
                : new BigDecimal(candidate.share).round(new MathContext(2)).doubleValue();
        return new Finding(semanticType, new Restriction(candidate.kind, severity, share, evidence(candidate, scan)));
    }

    /** Returns the masked samples of the candidate's evidence kinds, up to the evidence limit in all. */
    private List<String> evidence(Candidate candidate, ColumnScan scan) {
        List<String> samples = new ArrayList<>();
        for (String kind : candidate.evidenceKinds) {
            for (String sample : scan.evidence(kind)) {
                if (samples.size() < evidenceLimit && !samples.contains(sample)) {
                    samples.add(sample);
                }
            }
        }
        return samples;
    }

    private static String severity(Candidate candidate, boolean namedPeople) {
        boolean restricted;
        if (candidate.reviewOnly) {
            restricted = false;
        } else if (candidate.kind.equals(IinDetector.KIND)) {
            restricted = true;
        } else if (RESTRICTED_WHEN_ESTABLISHED.contains(candidate.kind)) {
            restricted = candidate.established;
        } else {
            boolean hintDecides = RESTRICTED_WHEN_HINTED.contains(candidate.kind) && candidate.hinted;
            restricted = candidate.established && (namedPeople || hintDecides);
        }
        return restricted ? Restriction.SEVERITY_RESTRICTED : Restriction.SEVERITY_REVIEW;
    }

    /**
     * The detectors' result for one column.
     *
     * @param semanticType the established kind, {@code bin} for public business numbers, or null
     * @param restriction null when no detector of restricted data matched even a trace
     */
    public record Finding(String semanticType, Restriction restriction) {}

    /**
     * The strongest kind of restricted data in a column.
     *
     * @param evidenceKinds the detectors whose masked matches are the evidence, usually the kind's own
     * @param reviewOnly whether the finding is a review whatever the kind, as for rare matches
     */
    private record Candidate(
            String kind,
            double share,
            boolean established,
            boolean hinted,
            List<String> evidenceKinds,
            boolean reviewOnly) {

        static final Candidate NONE = new Candidate(null, 0, false, false, List.of(), false);
    }
}
