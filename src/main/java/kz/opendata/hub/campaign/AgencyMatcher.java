package kz.opendata.hub.campaign;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import kz.opendata.hub.agency.Agency;
import kz.opendata.hub.agency.AgencyRegistry;

/**
 * Finds an agency by its code or by its name in any language, ignoring letter case, repeated
 * spaces and quotation marks, because commission lists copy names from documents by hand.
 */
class AgencyMatcher {

    private final AgencyRegistry agencies;

    AgencyMatcher(AgencyRegistry agencies) {
        this.agencies = agencies;
    }

    Optional<String> match(String codeOrName) {
        if (codeOrName == null || codeOrName.isBlank()) {
            return Optional.empty();
        }
        String expected = normalise(codeOrName);
        for (Agency agency : agencies.all()) {
            if (agency.code().equals(expected)) {
                return Optional.of(agency.code());
            }
            boolean nameMatches = agency.names().values().stream()
                    .map(AgencyMatcher::normalise)
                    .anyMatch(expected::equals);
            if (nameMatches) {
                return Optional.of(agency.code());
            }
        }
        return Optional.empty();
    }

    static String normalise(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        return folded.replaceAll("[\"«»“”„']", "").replaceAll("\\s+", " ").trim();
    }
}
