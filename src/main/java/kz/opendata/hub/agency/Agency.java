package kz.opendata.hub.agency;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A state body that delivers unloads and approves passports.
 *
 * @param code short stable identifier, also the default drop folder name
 * @param language language of the letters the agency receives: kk, ru or en
 * @param names the agency's name by language code
 * @param approvalContacts people whose e-mail replies decide on passports
 * @param dropFolder name of the agency's folder under {@code <data-dir>/drop/}
 */
public record Agency(
        String code, String language, Map<String, String> names, List<Contact> approvalContacts, String dropFolder) {

    /** A person at the agency. */
    public record Contact(String name, String email) {}

    /** The agency's name in the given language, falling back to Russian, Kazakh and English. */
    public String name(String lang) {
        for (String candidate : List.of(lang, "ru", "kk", "en")) {
            String name = names.get(candidate);
            if (name != null && !name.isBlank()) {
                return name;
            }
        }
        return code;
    }

    /** Whether the address belongs to one of the approval contacts, ignoring letter case. */
    public boolean isApprovalContact(String email) {
        if (email == null) {
            return false;
        }
        String normalised = email.trim().toLowerCase(Locale.ROOT);
        return approvalContacts.stream().anyMatch(c -> c.email().equalsIgnoreCase(normalised));
    }

    public List<String> approvalAddresses() {
        return approvalContacts.stream().map(Contact::email).toList();
    }
}
