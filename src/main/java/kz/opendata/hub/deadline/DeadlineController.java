package kz.opendata.hub.deadline;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Deadlines of the requests sent, and the escalation list for the authorised body. */
@RestController
@RequestMapping("/api/deadlines")
class DeadlineController {

    private final DeadlineService deadlines;

    DeadlineController(DeadlineService deadlines) {
        this.deadlines = deadlines;
    }

    @GetMapping
    List<AgencyDeadline> deadlines() {
        return deadlines.deadlines();
    }

    @GetMapping("/escalations")
    List<Escalation> escalations() {
        return deadlines.escalations();
    }
}
