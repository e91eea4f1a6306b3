package kz.opendata.hub.web.pages;

import java.time.Duration;
import java.time.OffsetDateTime;
import kz.opendata.hub.store.PassportRecord;
import kz.opendata.hub.web.CampaignBoard;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The campaign board, the dashboard's start page. */
@Controller
class BoardPageController {

    private final CampaignBoard campaign;

    BoardPageController(CampaignBoard campaign) {
        this.campaign = campaign;
    }

    @GetMapping("/")
    String board(Model model) {
        CampaignBoard.Board board = campaign.board();
        model.addAttribute("board", board);
        model.addAttribute("stages", CampaignBoard.PASSPORT_STAGES);
        model.addAttribute("campaignChart", Charts.campaign(board.agencies()));
        model.addAttribute("findingsChart", Charts.bars(board.findings()));
        OffsetDateTime now = OffsetDateTime.now();
        model.addAttribute(
                "late",
                board.late().stream()
                        .map(passport -> new LatePassport(
                                passport,
                                Duration.between(passport.sentAt(), now).toDays()))
                        .toList());
        return "board";
    }

    /** A passport sent for approval and the whole days it has waited for the agency's reply. */
    public record LatePassport(PassportRecord passport, long daysWaiting) {}
}
