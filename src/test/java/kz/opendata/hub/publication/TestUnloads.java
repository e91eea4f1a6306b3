package kz.opendata.hub.publication;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kz.opendata.hub.intake.AnalysisStage;
import kz.opendata.hub.intake.DraftingStage;
import kz.opendata.hub.intake.IntakeService;
import kz.opendata.hub.store.PassportRecord;
import kz.opendata.hub.store.PassportRepository;
import kz.opendata.hub.store.UnloadRepository;

/**
 * Puts a file through intake, analysis and drafting by calling the services as the intake route
 * does, without the route's approval e-mail. The file is written where intake archives it.
 */
public final class TestUnloads {

    private final IntakeService intake;
    private final AnalysisStage analysis;
    private final DraftingStage drafting;
    private final UnloadRepository unloads;
    private final PassportRepository passports;

    public TestUnloads(
            IntakeService intake,
            AnalysisStage analysis,
            DraftingStage drafting,
            UnloadRepository unloads,
            PassportRepository passports) {
        this.intake = intake;
        this.analysis = analysis;
        this.drafting = drafting;
        this.unloads = unloads;
        this.passports = passports;
    }

    /** Records and analyses a file of an agency; returns the unload id. */
    public long analysed(String agencyFolder, String fileName, String content) throws IOException {
        String storedName = agencyFolder + "/" + System.nanoTime() + "-" + fileName;
        Path stored = Path.of(intake.archiveTarget(storedName));
        Files.writeString(stored, content, StandardCharsets.UTF_8);
        long unloadId =
                intake.record(stored, agencyFolder + "/" + fileName, storedName).unloadId();
        analysis.analyseFile(unloadId, stored);
        return unloadId;
    }

    /** Drafts the passport of an analysed unload; fails when the unload is no candidate. */
    public PassportRecord drafted(long unloadId) throws IOException {
        Path stored = Path.of(unloads.find(unloadId).orElseThrow().storedPath());
        Long passportId = drafting.draftFile(unloadId, stored);
        if (passportId == null) {
            throw new IllegalStateException(
                    "unload " + unloadId + " is no candidate for open data; change the test data");
        }
        return passports.find(passportId).orElseThrow();
    }

    /** Analyses and drafts a file and approves the passport, as the agency's reply would. */
    public PassportRecord approved(String agencyFolder, String fileName, String content) throws IOException {
        PassportRecord draft = drafted(analysed(agencyFolder, fileName, content));
        passports.transition(draft.id(), PassportRecord.DRAFT, PassportRecord.APPROVED);
        return passports.find(draft.id()).orElseThrow();
    }
}
