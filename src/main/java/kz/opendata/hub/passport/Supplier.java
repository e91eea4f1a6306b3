package kz.opendata.hub.passport;

import java.util.Map;

/**
 * The state body that supplies the data (item 1.1.4 of the passport).
 *
 * @param code the agency's code in the hub's agency registry
 * @param name the agency's name by language code (kk, ru, en)
 */
public record Supplier(String code, Map<String, String> name) {

    public Supplier {
        name = LocalizedText.copyOf(name);
    }
}
