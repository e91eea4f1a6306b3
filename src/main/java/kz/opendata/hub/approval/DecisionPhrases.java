package kz.opendata.hub.approval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words that carry a decision in Kazakh, Russian and English, matched against folded text.
 *
 * <p>Folding lower-cases, turns ё into е and Kazakh letters into their nearest Russian ones (ә
 * to а, қ to к, і to и and so on), because many contacts type Kazakh on a Russian keyboard
 * ("Келисилди") or with a Latin i ("Келiсiлдi"). Punctuation becomes space. Patterns are
 * therefore written in folded form.
 *
 * <p>Phrases are tried in a fixed order and each match is blanked out before the next group
 * runs, so a negation wins over the positive word inside it: "не согласовано" is found as a
 * rejection and its "согласовано" is no longer there for the approval group, while "не
 * возражаем" and "замечаний нет" are found as approvals before "возраж" and "замечани" can be
 * read as objections and remarks.
 */
final class DecisionPhrases {

    enum Signal {
        APPROVE,
        REJECT,
        CHANGE
    }

    /** One decision phrase found in a sentence. */
    record Match(Signal signal, String language) {}

    private record Phrase(Signal signal, String language, Pattern pattern) {}

    private static final List<Phrase> PHRASES = new ArrayList<>();

    private static final Pattern CONDITION = phrase("если|при условии|(после|при) (исправлени|внесени|доработ|устранени"
            + "|корректировк|учет)\\p{L}*|егер|жагдайда|\\p{L}+(ганнан|геннен|каннан|кеннен) кейин|if|provided|once"
            + "|subject to|on condition");
    private static final Pattern DEFERRAL = phrase("позже|позднее|на следующей неделе|в ближайшее время"
            + "|(будет|будут|будем) (\\p{L}+ )?(согласов|утвер|рассм|одобр)\\p{L}*|рассматрива\\p{L}*|на рассмотрении"
            + "|кейинирек|карастырылу\\p{L}*|later|next week|under review|soon"
            + "|will (\\p{L}+ )?(be )?(approv|agree|confirm|sign|review|consider)\\p{L}*");

    private static final String RU_REQUEST =
            "(прошу|просим|просьба|необходимо|нужно|надо|следует|требуется|предлагаем|предлагаю|рекомендуем)";
    private static final String RU_CHANGE_STEMS =
            "(измен|исправ|добав|убра|удал|замен|уточн|переимен|дополн|скорректир|откорректир|поправ|внес)";
    private static final String EN_REQUEST = "(please|kindly|could you|would you|can you|need to|needs to|needs to be"
            + "|should be|must be|has to be|have to be)";
    private static final String EN_CHANGE_STEMS =
            "(chang|correct|add|remov|delet|updat|fix|renam|amend|revis|replac|modif|adjust)";

    static {
        // 1. Positive phrases built from negative words.
        approve(
                "ru",
                "не возража(ем|ю)",
                "(не имеем|не имею) возражений",
                "возражени\\p{L}* (нет|не имеем|не имеется|отсутству\\p{L}*)",
                "нет (возражений|замечаний)",
                "замечани\\p{L}* (нет|не имеем|не имеется|отсутству\\p{L}*)",
                "без (замечаний|возражений|изменений)",
                "(ничего )?не имеем (ничего )?против",
                "не против");
        approve("kk", "карсылы\\p{L}* жок", "ескерту\\p{L}* жок", "ескертпе\\p{L}* жок", "ескертусиз");
        approve(
                "en",
                "no (objections?|remarks|comments|changes|further changes)",
                "without (changes|remarks|comments)");
        // 2. Rejections, including a negated approval word.
        reject(
                "ru",
                "не (\\p{L}+ )?(согласов|соглас[еину]|утвер|одобр|подпис|принима|приня)\\p{L}*",
                "отклон\\p{L}*",
                "отказ\\p{L}*",
                "возража(ем|ю)",
                "(есть|имеются|имеем) возражени\\p{L}*",
                "против");
        reject(
                "kk",
                "келисилмеди",
                "келисилмейди",
                "келиспеймиз",
                "келиспеймин",
                "келиспейди",
                "келиспедик",
                "келиспеди",
                "келисе алмаймы\\p{L}*",
                "келисуге (болмайды|болмайтын)",
                "карсымы\\p{L}*",
                "бас тарта\\p{L}*",
                "макулданбады",
                "бекитилмеди",
                "кабылданбады");
        reject(
                "en",
                "(not|cannot|can t|cant|don t|dont|do not|does not|won t|will not|unable to|never) (\\p{L}+ )?"
                        + "(approv|agree|accept|sign)\\p{L}*",
                "disagree\\p{L}*",
                "disapprov\\p{L}*",
                "reject\\p{L}*",
                "declin\\p{L}*",
                "refus\\p{L}*",
                "not ok");
        // 3. Change requests.
        change(
                "ru",
                RU_REQUEST + " (\\p{L}+ )?" + RU_CHANGE_STEMS + "\\p{L}*",
                "внес\\p{L}* (\\p{L}+ )?(изменени|правк|корректив|исправлени)\\p{L}*",
                "(исправьте|измените|добавьте|уберите|удалите|замените|уточните|дополните|переименуйте|поправьте)",
                "замечани\\p{L}*",
                "правк\\p{L}*",
                "(доработ|корректиров)\\p{L}*",
                "частичн\\p{L}*",
                "не полностью");
        change(
                "kk",
                "озгерт\\p{L}*",
                "озгерис\\p{L}*",
                "тузет\\p{L}*",
                "алып таста\\p{L}*",
                "толыкты\\p{L}*",
                "косу керек",
                "косыныз",
                "ескерту\\p{L}*",
                "ескертпе\\p{L}*");
        change(
                "en",
                EN_REQUEST + " (\\p{L}+ )?" + EN_CHANGE_STEMS + "\\p{L}*",
                "change requests?",
                "changes? (requested|needed|required)",
                "(comments|remarks|corrections)",
                "partially");
        // 4. Approvals.
        approve(
                "ru",
                "согласован[оаы]?",
                "согласовыва(ем|ю)",
                "соглас(уем|ую)",
                "согласовал[аи]?",
                "согласн[аы]",
                "согласен",
                "утвержда(ем|ю)",
                "утвержден[оаы]?",
                "утвердил[аи]?",
                "одобря(ем|ю)",
                "одобрен[оаы]?",
                "одобрил[аи]?",
                "да(ем|ю) согласие");
        approve(
                "kk",
                "келисилди",
                "келисилген",
                "келисемин",
                "келисемиз",
                "келистик",
                "келистим",
                "келисим бер\\p{L}*",
                "макулдаймыз",
                "макулданды",
                "бекитилди",
                "бекитемиз",
                "кабылданды");
        approve("en", "approved?", "agreed?", "accepted", "we accept", "i accept");
    }

    private DecisionPhrases() {}

    private static void approve(String language, String... patterns) {
        add(Signal.APPROVE, language, patterns);
    }

    private static void reject(String language, String... patterns) {
        add(Signal.REJECT, language, patterns);
    }

    private static void change(String language, String... patterns) {
        add(Signal.CHANGE, language, patterns);
    }

    private static void add(Signal signal, String language, String... patterns) {
        for (String pattern : patterns) {
            PHRASES.add(new Phrase(signal, language, phrase(pattern)));
        }
    }

    /** Compiles a pattern that matches whole words of folded text. */
    private static Pattern phrase(String pattern) {
        return Pattern.compile("(?<=^| )(" + pattern + ")(?= |$)");
    }

    /** Returns true when the sentence makes an approval depend on a condition. */
    static boolean isConditional(String sentence) {
        return CONDITION.matcher(fold(sentence)).find();
    }

    /** Returns true when the sentence puts the decision off to later. */
    static boolean isDeferred(String sentence) {
        return DEFERRAL.matcher(fold(sentence)).find();
    }

    /** Finds the decision phrases in one sentence, in the order of the groups above. */
    static List<Match> find(String sentence) {
        String text = fold(sentence);
        List<Match> matches = new ArrayList<>();
        for (Phrase phrase : PHRASES) {
            Matcher matcher = phrase.pattern().matcher(text);
            StringBuilder blanked = new StringBuilder();
            while (matcher.find()) {
                matches.add(new Match(phrase.signal(), phrase.language()));
                matcher.appendReplacement(blanked, " ".repeat(matcher.group().length()));
            }
            matcher.appendTail(blanked);
            text = blanked.toString();
        }
        return matches;
    }

    /** Folds case, ё, Kazakh letters, Latin look-alikes inside Cyrillic words and punctuation. */
    static String fold(String text) {
        StringBuilder folded = new StringBuilder();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                folded.append(folded.length() > 0 ? " " : "").append(foldWord(word));
            }
        }
        return folded.toString();
    }

    private static final String KAZAKH = "әғқңөұүһіё";
    private static final String KAZAKH_FOLDED = "агкноуухие";
    private static final String LATIN_LOOKALIKES = "aeopcxykmthbi";
    private static final String LATIN_FOLDED = "аеорсхукмтнви";

    private static String foldWord(String word) {
        boolean cyrillic = word.chars().anyMatch(c -> CyrillicCharsets.isCyrillic((char) c));
        StringBuilder folded = new StringBuilder(word.length());
        for (char c : word.toCharArray()) {
            int kazakh = KAZAKH.indexOf(c);
            int latin = LATIN_LOOKALIKES.indexOf(c);
            if (kazakh >= 0) {
                folded.append(KAZAKH_FOLDED.charAt(kazakh));
            } else if (cyrillic && latin >= 0) {
                folded.append(LATIN_FOLDED.charAt(latin));
            } else {
                folded.append(c);
            }
        }
        return folded.toString();
    }
}
