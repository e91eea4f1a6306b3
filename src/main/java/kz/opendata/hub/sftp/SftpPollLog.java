package kz.opendata.hub.sftp;

import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Logs what the SFTP intake consumers cannot handle themselves. A failed poll was explained
 * already by {@link SftpPollFailures}, so it is logged at DEBUG only; anything else, such as a
 * remote file that could not be moved after its handover, is a warning.
 */
@Component("sftpPollLog")
class SftpPollLog implements ExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SftpPollLog.class);

    @Override
    public void handleException(Throwable exception) {
        handleException(null, null, exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        handleException(message, null, exception);
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        if (message != null && message.startsWith("Failed polling endpoint")) {
            LOG.debug("{}", message, exception);
            return;
        }
        String file = exchange == null ? null : exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class);
        LOG.warn(
                "SFTP intake problem with remote file {}: {}; the file is read again on the next poll",
                file,
                exception == null ? message : exception.getMessage());
        LOG.debug("SFTP intake problem details", exception);
    }
}
