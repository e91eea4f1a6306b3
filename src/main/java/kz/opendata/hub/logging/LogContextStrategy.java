package kz.opendata.hub.logging;

import java.util.Map;
import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.spi.InterceptStrategy;
import org.apache.camel.support.processor.DelegateAsyncProcessor;
import org.springframework.stereotype.Component;

/**
 * Puts the agency code, unload id and passport id that an exchange carries in the headers
 * {@code hubAgencyCode}, {@code hubUnloadId} and {@code hubPassportId} into the logging MDC while
 * each step of a route runs, so every line a service logs for that exchange names them. Camel
 * finds this strategy in the Spring context and wraps every step of every route with it.
 *
 * <p>NOTE: the ids are in the MDC while a step runs on the calling thread; a step that completes
 * on another thread logs that part without them.
 */
@Component
class LogContextStrategy implements InterceptStrategy {

    static final String AGENCY_HEADER = "hubAgencyCode";
    static final String UNLOAD_HEADER = "hubUnloadId";
    static final String PASSPORT_HEADER = "hubPassportId";

    @Override
    public Processor wrapProcessorInInterceptors(
            CamelContext context, NamedNode definition, Processor target, Processor nextTarget) {
        return new DelegateAsyncProcessor(target) {
            @Override
            public boolean process(Exchange exchange, AsyncCallback callback) {
                Map<String, String> previous = LogContext.put(
                        exchange.getMessage().getHeader(AGENCY_HEADER),
                        exchange.getMessage().getHeader(UNLOAD_HEADER),
                        exchange.getMessage().getHeader(PASSPORT_HEADER));
                try {
                    return processor.process(exchange, callback);
                } finally {
                    LogContext.restore(previous);
                }
            }
        };
    }
}
