package kz.opendata.hub.passport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import kz.opendata.hub.passport.DocumentBlock.Field;
import kz.opendata.hub.passport.DocumentBlock.Heading;
import kz.opendata.hub.passport.DocumentBlock.Paragraph;
import kz.opendata.hub.passport.DocumentBlock.Table;
import kz.opendata.hub.passport.DocumentBlock.Title;
import kz.opendata.hub.passport.Passport.Attribute;
import kz.opendata.hub.passport.Passport.ExcludedColumn;
import kz.opendata.hub.passport.Passport.General;
import kz.opendata.hub.passport.Passport.Geobinding;
import kz.opendata.hub.passport.Passport.ReviewItem;
import kz.opendata.hub.passport.Passport.ValueRequirement;

/**
 * Lays a passport out as the blocks of the passport form, numbered 1.1.1 to 3, in one language.
 * Fields still listed for review carry a "to be confirmed" mark.
 */
final class PassportLayout {

    private final PassportMessages messages;
    private final UpdateFrequencyVocabulary frequencies;

    PassportLayout(PassportMessages messages, UpdateFrequencyVocabulary frequencies) {
        this.messages = messages;
        this.frequencies = frequencies;
    }

    List<DocumentBlock> blocks(Passport passport, Language language) {
        Context context = new Context(passport, language, reviewFields(passport));
        List<DocumentBlock> blocks = new ArrayList<>();
        blocks.add(title(context));
        generalPart(context, blocks);
        structure(context, blocks);
        controlExamples(context, blocks);
        notes(context, blocks);
        return blocks;
    }

    private Title title(Context context) {
        Passport passport = context.passport();
        String name = orDash(context.text(passport.general().fullName()));
        String source = context.text(passport.source().informationSystem());
        String title =
                label(context, "title", name, source == null ? passport.source().fileName() : source);
        String city = context.text(passport.development().city());
        String year = String.valueOf(passport.development().year());
        return new Title(title, city == null ? year : label(context, "heading.development", city, year));
    }

    private void generalPart(Context context, List<DocumentBlock> blocks) {
        General general = context.passport().general();
        blocks.add(new Heading(label(context, "section.1"), 1));
        blocks.add(new Heading(label(context, "section.1.1"), 2));
        blocks.add(field(context, "item.1.1.1", context.text(general.fullName()), "general.fullName"));
        blocks.add(field(context, "item.1.1.2", context.text(general.shortName()), "general.shortName"));
        blocks.add(field(context, "item.1.1.3", context.text(general.category().name()), "general.category"));
        blocks.add(field(context, "item.1.1.4", supplier(context), "general.supplier"));
        blocks.add(field(context, "item.1.1.5", context.text(general.description()), "general.description"));
        blocks.add(field(context, "item.1.1.6", keywords(context), "general.keywords"));
        blocks.add(new Heading(label(context, "section.1.2"), 2));
        String frequency = frequencies.name(context.passport().updating().frequency(), context.language());
        blocks.add(field(context, "item.1.2.1", frequency, "updating.frequency"));
        geobinding(context, blocks);
    }

    private void geobinding(Context context, List<DocumentBlock> blocks) {
        Geobinding geobinding = context.passport().geobinding();
        blocks.add(new Heading(label(context, "section.1.3"), 2));
        blocks.add(field(context, "item.1.3.1", label(context, geobinding.available() ? "yes" : "no"), "geobinding"));
        String geometry =
                geobinding.geometryType() == null ? null : label(context, "geometry." + geobinding.geometryType());
        blocks.add(field(context, "item.1.3.2", geometry, "geobinding"));
        String binding =
                geobinding.bindingType() == null ? null : label(context, "binding." + geobinding.bindingType());
        blocks.add(field(context, "item.1.3.3", binding, "geobinding"));
        blocks.add(field(context, "item.1.3.4", geobinding.addressAttribute(), "geobinding"));
    }

    private void structure(Context context, List<DocumentBlock> blocks) {
        blocks.add(new Heading(label(context, "section.2"), 1));
        blocks.add(new Heading(label(context, "section.2.1"), 2));
        List<List<String>> rows = new ArrayList<>();
        for (Attribute attribute : context.passport().attributes()) {
            rows.add(List.of(
                    attribute.number() + ".",
                    attribute.technicalName(),
                    orDash(context.text(attribute.name())),
                    label(context, attribute.group() ? "yes" : "no"),
                    type(context, attribute),
                    label(context, attribute.required() ? "required" : "optional")));
        }
        blocks.add(new Table(
                List.of(
                        label(context, "column.number"),
                        label(context, "column.technicalName"),
                        label(context, "column.name"),
                        label(context, "column.group"),
                        label(context, "column.type"),
                        label(context, "column.required")),
                rows,
                List.of(6, 22, 26, 12, 16, 18)));
        blocks.add(new Heading(label(context, "section.2.2"), 2));
        requirements(context, blocks);
    }

    private void requirements(Context context, List<DocumentBlock> blocks) {
        List<ValueRequirement> requirements = context.passport().valueRequirements();
        if (requirements.isEmpty()) {
            blocks.add(new Paragraph(label(context, "none")));
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (ValueRequirement requirement : requirements) {
            rows.add(List.of(
                    rows.size() + 1 + ".",
                    requirement.technicalName(),
                    orDash(context.text(requirement.requirement()))));
        }
        blocks.add(new Table(
                List.of(
                        label(context, "column.number"),
                        label(context, "column.technicalName"),
                        label(context, "column.requirement")),
                rows,
                List.of(6, 30, 64)));
    }

    private void controlExamples(Context context, List<DocumentBlock> blocks) {
        blocks.add(new Heading(label(context, "section.3"), 1));
        List<Map<String, String>> examples = context.passport().controlExamples();
        if (examples.isEmpty()) {
            blocks.add(new Paragraph(label(context, "none")));
        }
        for (int i = 0; i < examples.size(); i++) {
            blocks.add(new Heading(label(context, "example", i + 1), 3));
            List<List<String>> rows = examples.get(i).entrySet().stream()
                    .map(entry -> List.of(entry.getKey(), orDash(entry.getValue())))
                    .toList();
            blocks.add(new Table(
                    List.of(label(context, "column.attribute"), label(context, "column.value")),
                    rows,
                    List.of(35, 65)));
        }
    }

    private void notes(Context context, List<DocumentBlock> blocks) {
        List<ExcludedColumn> excluded = context.passport().excludedColumns();
        if (excluded.isEmpty() && context.reviewFields().isEmpty()) {
            return;
        }
        blocks.add(new Heading(label(context, "section.notes"), 1));
        if (!excluded.isEmpty()) {
            String columns = excluded.stream()
                    .map(column -> label(context, "restricted.kind", orDash(column.name()), column.kind()))
                    .collect(Collectors.joining("; "));
            blocks.add(new Paragraph(label(context, "notes.excluded") + " " + columns + "."));
        }
        if (!context.reviewFields().isEmpty()) {
            blocks.add(new Paragraph(label(context, "notes.review")));
        }
    }

    private Field field(Context context, String key, String value, String reviewField) {
        boolean toConfirm = context.reviewFields().contains(reviewField);
        String shown = value == null || value.isBlank() ? label(context, "notSpecified") : value;
        return new Field(label(context, key), shown, toConfirm, label(context, "toConfirm"));
    }

    private String supplier(Context context) {
        Supplier supplier = context.passport().general().supplier();
        if (supplier == null) {
            return null;
        }
        String name = context.text(supplier.name());
        if (name == null) {
            return supplier.code();
        }
        return supplier.code() == null ? name : name + " (" + supplier.code() + ")";
    }

    private static String keywords(Context context) {
        Map<String, List<String>> keywords = context.passport().general().keywords();
        List<String> words = keywords.get(context.language().code());
        if (words == null) {
            words = keywords.values().stream().findFirst().orElse(List.of());
        }
        return String.join(", ", words);
    }

    private String type(Context context, Attribute attribute) {
        String key = "type." + attribute.type();
        String type = messages.has(context.language(), key) ? label(context, key) : attribute.type();
        return attribute.format() == null ? type : label(context, "type.format", type, attribute.format());
    }

    private String label(Context context, String key, Object... arguments) {
        return messages.get(context.language(), key, arguments);
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }

    private static Set<String> reviewFields(Passport passport) {
        return passport.needsReview().stream().map(ReviewItem::field).collect(Collectors.toSet());
    }

    private record Context(Passport passport, Language language, Set<String> reviewFields) {

        String text(Map<String, String> texts) {
            return LocalizedText.pick(texts, language);
        }
    }
}
