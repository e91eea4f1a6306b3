package kz.opendata.hub.sftp;

/**
 * Signals a downloaded file that failed its checks. The remote file stays where it is and is
 * downloaded again on the next poll.
 */
public class SftpTransferException extends RuntimeException {

    public SftpTransferException(String message) {
        super(message);
    }
}
