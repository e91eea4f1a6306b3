package kz.opendata.hub.passport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import kz.opendata.hub.passport.Passport.Attribute;
import kz.opendata.hub.passport.Passport.Constraint;
import kz.opendata.hub.passport.Passport.ValueRequirement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a passport as a Frictionless Data Package descriptor ({@code datapackage.json}, Data
 * Package v1) with one tabular resource, {@value #DATA_FILE}, described by a Table Schema.
 *
 * <p>The fields are the passport's attributes, so columns with restricted data, which never
 * become attributes, are not in the package either. Titles and descriptions take the requested
 * language, falling back as {@link LocalizedText#pick} does.
 */
public final class DataPackageWriter {

    public static final String DATA_FILE = "data.csv";

    private static final Logger log = LoggerFactory.getLogger(DataPackageWriter.class);
    private static final Set<String> INTEGER_TYPES = Set.of("integer", "year");
    private final ObjectMapper mapper = PassportJson.mapper();

    /** Builds the descriptor as a JSON tree. */
    public ObjectNode descriptor(Passport passport, Language language) {
        ObjectNode descriptor = mapper.createObjectNode();
        descriptor.put("profile", "tabular-data-package");
        descriptor.put("name", passport.id());
        putText(descriptor, "title", passport.general().fullName(), language);
        putText(descriptor, "description", passport.general().description(), language);
        descriptor.put("version", passport.version() + ".0.0");
        ArrayNode keywords = descriptor.putArray("keywords");
        keywords(passport).forEach(keywords::add);
        ArrayNode sources = descriptor.putArray("sources");
        sources.addObject().put("title", passport.source().fileName());
        descriptor.putArray("resources").add(resource(passport, language));
        return descriptor;
    }

    public void write(Passport passport, Language language, Path file) throws IOException {
        mapper.writeValue(file.toFile(), descriptor(passport, language));
    }

    private ObjectNode resource(Passport passport, Language language) {
        ObjectNode resource = mapper.createObjectNode();
        resource.put("name", passport.id());
        resource.put("path", DATA_FILE);
        resource.put("profile", "tabular-data-resource");
        resource.put("format", "csv");
        resource.put("mediatype", "text/csv");
        resource.put("encoding", "utf-8");
        ObjectNode schema = resource.putObject("schema");
        Map<String, ValueRequirement> requirements = passport.valueRequirements().stream()
                .collect(Collectors.toMap(ValueRequirement::technicalName, Function.identity(), (a, b) -> a));
        ArrayNode fields = schema.putArray("fields");
        for (Attribute attribute : passport.attributes()) {
            fields.add(field(attribute, requirements.get(attribute.technicalName()), language));
        }
        schema.putArray("missingValues").add("");
        return resource;
    }

    private ObjectNode field(Attribute attribute, ValueRequirement requirement, Language language) {
        ObjectNode field = mapper.createObjectNode();
        field.put("name", attribute.technicalName());
        putText(field, "title", attribute.name(), language);
        field.put("type", attribute.type());
        if (attribute.format() != null) {
            field.put("format", attribute.format());
        }
        ObjectNode constraints = field.putObject("constraints");
        constraints.put("required", attribute.required());
        constraints.put("unique", attribute.unique());
        if (requirement != null) {
            putText(field, "description", requirement.requirement(), language);
            putConstraint(constraints, attribute.type(), requirement.constraint());
        }
        return field;
    }

    // Table Schema compares minimum and maximum in the field's type, so numbers go out as numbers.
    private static void putConstraint(ObjectNode constraints, String type, Constraint constraint) {
        if (constraint.pattern() != null) {
            constraints.put("pattern", constraint.pattern());
        }
        if (constraint.minimum() != null) {
            putBound(constraints, "minimum", type, constraint.minimum());
            putBound(constraints, "maximum", type, constraint.maximum());
        }
        if (constraint.allowedValues() != null) {
            ArrayNode values = constraints.putArray("enum");
            constraint.allowedValues().forEach(values::add);
        }
    }

    private static void putBound(ObjectNode constraints, String key, String type, String value) {
        if (!INTEGER_TYPES.contains(type) && !"number".equals(type)) {
            constraints.put(key, value);
            return;
        }
        try {
            BigDecimal number = new BigDecimal(value);
            if (INTEGER_TYPES.contains(type)) {
                constraints.put(key, number.toBigIntegerExact());
            } else {
                constraints.put(key, number);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // A bound the analysis did not write as a plain number cannot constrain a numeric field.
            log.debug("Leaving out the {} of a {} field because it is not a plain number", key, type);
        }
    }

    private static List<String> keywords(Passport passport) {
        Set<String> keywords = new LinkedHashSet<>();
        passport.general().keywords().values().forEach(keywords::addAll);
        return List.copyOf(keywords);
    }

    private static void putText(ObjectNode node, String key, Map<String, String> texts, Language language) {
        String text = LocalizedText.pick(texts, language);
        if (text != null) {
            node.put(key, text);
        }
    }
}
