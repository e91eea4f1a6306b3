package kz.opendata.hub.exchange;

import java.util.List;

/**
 * An agency's information system as Appendix 1 of the analysis rules lists it.
 *
 * @param fields the system's data fields in the agency's order
 */
public record InformationSystem(String name, String description, List<DataField> fields) {

    public InformationSystem {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /**
     * A data field of an information system.
     *
     * @param name the field's name as people read it
     * @param field the technical name in the system (column, attribute)
     * @param type the type as the agency states it
     */
    public record DataField(String name, String field, String description, String type) {}
}
