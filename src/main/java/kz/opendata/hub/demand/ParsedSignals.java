package kz.opendata.hub.demand;

import java.util.List;

/**
 * Requests read from one upload or one response of the synced endpoint.
 *
 * @param received requests found in the input, rejected ones included
 * @param signals the requests that passed the checks
 * @param rejections why the others were left out, one line each
 * @param encoding charset the text was read in
 */
record ParsedSignals(int received, List<NewSignal> signals, List<String> rejections, String encoding) {

    ParsedSignals {
        signals = List.copyOf(signals);
        rejections = List.copyOf(rejections);
    }
}
