package kz.opendata.hub.web;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kz.opendata.hub.agency.Agency;
import kz.opendata.hub.agency.AgencyRegistry;
import kz.opendata.hub.analysis.AnalysisReport;
import kz.opendata.hub.analysis.ColumnReport;
import kz.opendata.hub.store.PassportRecord;
import kz.opendata.hub.store.PassportRepository;
import kz.opendata.hub.store.StatusCount;
import kz.opendata.hub.store.UnloadRecord;
import kz.opendata.hub.store.UnloadRepository;
import org.springframework.stereotype.Service;

/** Progress of the survey campaign per agency: unloads by stage, passports by status, what is late. */
@Service
public class CampaignBoard {

    /** Passport statuses in the order the board shows them. */
    public static final List<String> PASSPORT_STAGES = List.of(
            PassportRecord.DRAFT,
            PassportRecord.SENT,
            PassportRecord.CHANGES_REQUESTED,
            PassportRecord.REJECTED,
            PassportRecord.APPROVED,
            PassportRecord.PUBLISHED,
            PassportRecord.PUBLICATION_FAILED);

    private final AgencyRegistry agencies;
    private final UnloadRepository unloads;
    private final PassportRepository passports;
    private final AnalysisReports reports;
    private final DashboardProperties properties;
    private final Clock clock;

    CampaignBoard(
            AgencyRegistry agencies,
            UnloadRepository unloads,
            PassportRepository passports,
            AnalysisReports reports,
            DashboardProperties properties) {
        this.agencies = agencies;
        this.unloads = unloads;
        this.passports = passports;
        this.reports = reports;
        this.properties = properties;
        this.clock = Clock.systemDefaultZone();
    }

    public Board board() {
        Map<String, Map<String, Long>> unloadCounts = byAgency(unloads.countByAgencyAndStatus());
        Map<String, Map<String, Long>> passportCounts = byAgency(passports.countByAgencyAndStatus());
        List<PassportRecord> late = latePassports();
        List<AgencyProgress> rows = new ArrayList<>();
        for (Agency agency : agencies.all()) {
            Map<String, Long> unloadsOf = unloadCounts.getOrDefault(agency.code(), Map.of());
            Map<String, Long> passportsOf = passportCounts.getOrDefault(agency.code(), Map.of());
            rows.add(new AgencyProgress(
                    agency,
                    unloadsOf.values().stream().mapToLong(Long::longValue).sum(),
                    unloadsOf.getOrDefault(UnloadRecord.ANALYSED, 0L),
                    unloadsOf.getOrDefault(UnloadRecord.FAILED, 0L),
                    stageCounts(passportsOf),
                    late.stream()
                            .filter(passport -> passport.agencyCode().equals(agency.code()))
                            .count()));
        }
        return new Board(rows, late, properties.lateAfterDays(), findingsByKind());
    }

    /** Passports sent for approval more than {@code hub.dashboard.late-after-days} days ago, unanswered. */
    public List<PassportRecord> latePassports() {
        return passports.sentBefore(OffsetDateTime.now(clock).minusDays(properties.lateAfterDays()));
    }

    /** Counts the columns of all analysed unloads that contain each kind of restricted data. */
    public Map<String, Long> findingsByKind() {
        Map<String, Long> counts = new TreeMap<>();
        for (String reportJson : unloads.analysedReports()) {
            AnalysisReport report = reports.parse("(statistics)", reportJson);
            for (ColumnReport column : report.columns()) {
                if (column.restricted() != null) {
                    counts.merge(column.restricted().kind(), 1L, Long::sum);
                }
            }
        }
        return counts;
    }

    private static Map<String, Long> stageCounts(Map<String, Long> byStatus) {
        Map<String, Long> stages = new LinkedHashMap<>();
        PASSPORT_STAGES.forEach(stage -> stages.put(stage, byStatus.getOrDefault(stage, 0L)));
        return stages;
    }

    private static Map<String, Map<String, Long>> byAgency(List<StatusCount> counts) {
        Map<String, Map<String, Long>> result = new HashMap<>();
        for (StatusCount count : counts) {
            result.computeIfAbsent(count.agencyCode(), code -> new HashMap<>()).put(count.status(), count.count());
        }
        return result;
    }

    /**
     * The whole board.
     *
     * @param late passports sent more than {@code lateAfterDays} days ago and still unanswered
     */
    public record Board(
            List<AgencyProgress> agencies, List<PassportRecord> late, int lateAfterDays, Map<String, Long> findings) {}

    /**
     * One agency's progress.
     *
     * @param unloads every unload received, in any status
     * @param quarantined unloads the hub could not read
     * @param passports passports by status, in the order of {@link #PASSPORT_STAGES}
     * @param late passports of this agency counted in {@link Board#late()}
     */
    public record AgencyProgress(
            Agency agency, long unloads, long analysed, long quarantined, Map<String, Long> passports, long late) {}
}
