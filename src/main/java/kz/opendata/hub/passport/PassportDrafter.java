package kz.opendata.hub.passport;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kz.opendata.hub.analysis.AnalysisReport;
import kz.opendata.hub.analysis.ColumnReport;
import kz.opendata.hub.analysis.Source;
import kz.opendata.hub.analysis.TableReader;
import kz.opendata.hub.analysis.Verdict;
import kz.opendata.hub.passport.CategoryMatcher.Match;
import kz.opendata.hub.passport.CategoryMatcher.WeightedText;
import kz.opendata.hub.passport.DraftInput.PublishedColumn;
import kz.opendata.hub.passport.Passport.Attribute;
import kz.opendata.hub.passport.Passport.Category;
import kz.opendata.hub.passport.Passport.Development;
import kz.opendata.hub.passport.Passport.ExcludedColumn;
import kz.opendata.hub.passport.Passport.General;
import kz.opendata.hub.passport.Passport.Geobinding;
import kz.opendata.hub.passport.Passport.Origin;
import kz.opendata.hub.passport.Passport.Updating;
import kz.opendata.hub.passport.Passport.ValueRequirement;

/**
 * Drafts a technological passport from an analysis report and the unload's first rows.
 *
 * <p>Columns with restricted data become no attribute, no value requirement and no part of a
 * control example. What the drafter guesses (names, category, frequency, geobinding, value
 * requirements) or cannot know (information system, city of development, the supplier when
 * absent) is listed in {@link Passport#needsReview()} for an analyst.
 */
public class PassportDrafter {

    static final int NAME_WEIGHT = 3;

    private final CategoryMatcher categories;
    private final Clock clock;
    private final NameDrafting names;
    private final ValueRequirementInference requirements;

    /** Uses the category vocabulary at its default path and the system clock. */
    public PassportDrafter() {
        this(CategoryVocabulary.loadDefault(), Clock.systemDefaultZone());
    }

    public PassportDrafter(CategoryVocabulary categories, Clock clock) {
        PassportMessages messages = new PassportMessages();
        this.categories = new CategoryMatcher(categories);
        this.clock = clock;
        this.names = new NameDrafting(messages);
        this.requirements = new ValueRequirementInference(messages);
    }

    /**
     * Drafts a passport in status draft, version 1.
     *
     * @param supplier the supplying agency, or null when unknown (the field is then left for review)
     * @param rows the unload's data rows as the analysis read them; up to {@value RowSample#MAX_ROWS}
     *     are read and the caller closes the reader
     */
    public Passport draft(AnalysisReport report, Supplier supplier, TableReader rows) throws IOException {
        DraftInput input = DraftInput.of(report, RowSample.read(rows));
        ReviewList review = new ReviewList();
        General general = general(input, supplier, review);
        Inferred<UpdateFrequency> frequency = FrequencyInference.infer(input);
        review.add("updating.frequency", "inferred because " + frequency.reason());
        Inferred<Geobinding> geobinding = GeobindingInference.infer(input);
        review.add("geobinding", "inferred because " + geobinding.reason());
        List<Attribute> attributes = attributes(input, review);
        List<ValueRequirement> valueRequirements = valueRequirements(input, review);
        List<Map<String, String>> examples = controlExamples(input, review);
        reviewProvenance(report, review);
        return new Passport(
                Passport.SCHEMA_VERSION,
                id(report.source(), supplier),
                1,
                PassportStatus.DRAFT,
                origin(report.source()),
                new Development(Map.of(), LocalDate.now(clock).getYear()),
                general,
                new Updating(frequency.value()),
                geobinding.value(),
                attributes,
                valueRequirements,
                examples,
                excluded(input),
                review.items());
    }

    /**
     * Derives the data set's name from the agency code, the file name and a sheet name that is
     * not a default one.
     */
    static String id(Source source, Supplier supplier) {
        return DatasetNames.of(
                supplier == null ? null : supplier.code(),
                NameDrafting.baseName(source.fileName()),
                NameDrafting.meaningfulSheet(source));
    }

    private General general(DraftInput input, Supplier supplier, ReviewList review) {
        Source source = input.report().source();
        Map<String, String> fullName = names.fullName(source);
        review.add(
                "general.fullName",
                "derived from the file name '" + source.fileName() + "'; write the data set's full name in kk and ru");
        review.add("general.shortName", "derived from the file name; write the abbreviated name in kk and ru");
        Category category = category(input, review);
        if (supplier == null) {
            review.add("general.supplier", "the supplying agency is not known; name it");
        } else if (supplier.name().isEmpty()) {
            review.add("general.supplier", "only the agency code '" + supplier.code() + "' is known; add its names");
        }
        review.add("general.description", "generated from the structure; describe what the data set holds");
        review.add("general.keywords", "the category's name and words of the full name; add the terms people search");
        return new General(
                fullName,
                names.shortName(source),
                category,
                supplier,
                names.description(input),
                names.keywords(fullName, category.name()));
    }

    private Category category(DraftInput input, ReviewList review) {
        Match match = categories.match(categoryTexts(input));
        String reason = match.keywordScores().isEmpty()
                ? "no keyword of the category vocabulary occurs in the unload; choose a category"
                : "chosen by keyword scores: " + match.explanation();
        review.add("general.category", reason);
        return new Category(match.category().code(), match.category().name());
    }

    // Names weigh more than cell values: one header word stands for a whole column.
    private static List<WeightedText> categoryTexts(DraftInput input) {
        Source source = input.report().source();
        List<WeightedText> texts = new ArrayList<>();
        texts.add(new WeightedText(NameDrafting.baseName(source.fileName()), NAME_WEIGHT));
        texts.add(new WeightedText(source.sheet(), NAME_WEIGHT));
        for (ColumnReport column : input.report().columns()) {
            texts.add(new WeightedText(column.name(), NAME_WEIGHT));
        }
        for (PublishedColumn column : input.columns()) {
            if ("string".equals(column.type())) {
                input.shownValues(column).forEach(value -> texts.add(new WeightedText(value, 1)));
            }
        }
        return texts;
    }

    private static List<Attribute> attributes(DraftInput input, ReviewList review) {
        List<Attribute> attributes = new ArrayList<>();
        for (PublishedColumn column : input.columns()) {
            int position = attributes.size();
            String name = column.name();
            if (name.isEmpty()) {
                review.add(
                        "attributes[" + position + "].name",
                        "column " + (column.index() + 1) + " of the unload has no header; name the attribute");
            }
            if (column.underReview()) {
                review.add("attributes[" + position + "]", underReviewReason(column));
            }
            attributes.add(new Attribute(
                    position + 1,
                    column.technicalName(),
                    name.isEmpty() ? Map.of() : LocalizedText.of(LocalizedText.detect(name), name),
                    false,
                    column.type(),
                    dateFormat(input, column, review, position),
                    column.report().required(),
                    column.report().unique()));
        }
        if (!attributes.isEmpty()) {
            review.add("attributes", "names are the unload's headers in their own language; add kk and ru names");
        }
        return attributes;
    }

    private static String underReviewReason(PublishedColumn column) {
        return "column '" + column.name() + "' may hold "
                + column.report().restricted().kind()
                + " data (" + Math.round(column.report().restricted().share() * 100)
                + "% of values); decide whether it may be published. Its values are left out of value"
                + " requirements and control examples";
    }

    private static String dateFormat(DraftInput input, PublishedColumn column, ReviewList review, int position) {
        if (!"date".equals(column.type()) && !"datetime".equals(column.type())) {
            return null;
        }
        List<String> values = input.shownValues(column);
        if (values.isEmpty()) {
            return null;
        }
        return DateShapes.common(values)
                .map(DateShapes.Shape::tableSchemaFormat)
                .orElseGet(() -> {
                    review.add(
                            "attributes[" + position + "].format",
                            "dates in column '" + column.name()
                                    + "' are written in more than one way; state the format");
                    return "any";
                });
    }

    private List<ValueRequirement> valueRequirements(DraftInput input, ReviewList review) {
        List<ValueRequirement> inferred = requirements.infer(input);
        if (!inferred.isEmpty()) {
            review.add(
                    "valueRequirements",
                    "ranges, patterns and allowed values are those found in the unload;"
                            + " keep only those the information system enforces");
        }
        return inferred;
    }

    private static List<Map<String, String>> controlExamples(DraftInput input, ReviewList review) {
        ControlExampleSelection.Selection selection = ControlExampleSelection.select(input);
        List<Map<String, String>> examples = selection.examples();
        if (!selection.shortenedColumns().isEmpty()) {
            review.add(
                    "controlExamples",
                    "values longer than " + ControlExampleSelection.MAX_VALUE_LENGTH + " characters in columns "
                            + selection.shortenedColumns().stream()
                                    .map(name -> "'" + name + "'")
                                    .collect(Collectors.joining(", "))
                            + " are cut short and end with …; check that the column is meant to hold"
                            + " such long texts");
        }
        List<String> hiddenColumns = input.columns().stream()
                .filter(PublishedColumn::underReview)
                .map(column -> "'" + column.name() + "'")
                .toList();
        if (!hiddenColumns.isEmpty()) {
            review.add(
                    "controlExamples",
                    "values of columns " + String.join(", ", hiddenColumns)
                            + " are left out until a person decides whether they may be published");
        }
        if (examples.size() < ControlExampleSelection.COUNT) {
            review.add(
                    "controlExamples",
                    "the unload has " + examples.size() + " data rows; the passport form" + " expects "
                            + ControlExampleSelection.COUNT + " examples");
        }
        return examples;
    }

    private static void reviewProvenance(AnalysisReport report, ReviewList review) {
        review.add("source.informationSystem", "name the agency's information system the unload comes from");
        review.add("development.city", "name the city where the passport is developed");
        if (report.verdict() == Verdict.NOT_CANDIDATE) {
            review.add(
                    "status",
                    "the analysis found the unload is not a candidate for open data;"
                            + " read the criteria in analysis.json before sending this draft");
        }
    }

    private static Origin origin(Source source) {
        return new Origin(source.fileName(), source.sha256(), source.sheet(), Map.of());
    }

    private static List<ExcludedColumn> excluded(DraftInput input) {
        return input.excluded().stream()
                .map(column -> new ExcludedColumn(
                        column.name(),
                        column.technicalName(),
                        column.restricted().kind()))
                .toList();
    }
}
