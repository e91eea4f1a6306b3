package kz.opendata.hub.exchange;

import java.nio.file.Path;

/**
 * An official request ready to go out: its files, the e-mail that carries them and where the
 * files were placed.
 *
 * @param outboxFolder the local outbox folder that contains a copy of the files
 * @param sftpOutbox the folder on the agency's SFTP server that receives the files; null when
 *     the agency has none
 */
public record PreparedRequest(
        long campaignId,
        String agencyCode,
        LetterFiles files,
        OutgoingMail mail,
        Path outboxFolder,
        String sftpOutbox) {

    public PreparedRequest withOutbox(Path folder, String sftp) {
        return new PreparedRequest(campaignId, agencyCode, files, mail, folder, sftp);
    }
}
