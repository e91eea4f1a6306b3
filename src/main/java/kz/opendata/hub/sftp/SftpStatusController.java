package kz.opendata.hub.sftp;

import java.util.List;
import kz.opendata.hub.sftp.SftpStatusRepository.SftpStatus;
import kz.opendata.hub.sftp.SftpTransferRepository.SftpTransfer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The state of each agency's SFTP connection and the files downloaded from it. */
@RestController
@RequestMapping("/api/sftp")
class SftpStatusController {

    private final SftpStatusRepository statuses;
    private final SftpTransferRepository transfers;

    SftpStatusController(SftpStatusRepository statuses, SftpTransferRepository transfers) {
        this.statuses = statuses;
        this.transfers = transfers;
    }

    @GetMapping("/status")
    List<SftpStatus> statuses() {
        return statuses.all();
    }

    @GetMapping("/transfers/{agencyCode}")
    List<SftpTransfer> transfers(@PathVariable String agencyCode) {
        return transfers.forAgency(agencyCode);
    }
}
