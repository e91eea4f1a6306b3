package kz.opendata.hub.approval;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Reads the decision in the sender's own text of a reply (see {@link OwnText}).
 *
 * <p>Rules, in order:
 *
 * <ul>
 *   <li>A rejection and an approval in one reply contradict each other: UNCLEAR. This holds for
 *       a conditional approval too, so the quoted request with its "«Согласовано» — если ..." and
 *       "«Не согласовано» ..." lines never decides when quote stripping missed it.
 *   <li>A rejection ("не согласовано", "келісілмеді", "not approved") gives REJECTED, even when
 *       the reply also lists changes.
 *   <li>A change request gives CHANGES_REQUESTED, also next to an approval ("согласовано с
 *       замечаниями"), because the passport cannot be published as drafted.
 *   <li>An approval gives APPROVED. An approval under a condition ("согласуем, если уберёте
 *       столбец") counts as a change request, and one put off to later ("согласуем позже") as
 *       none.
 *   <li>Words in a question ("это согласовано?") do not decide.
 *   <li>Nothing found: UNCLEAR. A bare "OK", "ок", "да" or "yes" is UNCLEAR on purpose: people
 *       also write it to confirm receipt, and an approval is a formal act, so an analyst confirms it.
 * </ul>
 */
@Component
public class DecisionClassifier {

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;…])\\s+|\\n+");
    private static final Pattern KAZAKH_LETTERS = Pattern.compile("[әғқңөұүһіӘҒҚҢӨҰҮҺІ]");
    private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");
    private static final Pattern LATIN = Pattern.compile("\\p{IsLatin}");

    /**
     * One decision phrase and the sentence it occurs in; {@code approving} marks an approval word,
     * also one that a condition turned into a change request.
     */
    private record Found(DecisionPhrases.Signal signal, String language, String sentence, boolean approving) {}

    public Decision classify(String ownText) {
        List<Found> found = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(ownText == null ? "" : ownText.strip())) {
            found.addAll(signals(sentence.strip()));
        }
        Found reject = first(found, DecisionPhrases.Signal.REJECT);
        Found change = first(found, DecisionPhrases.Signal.CHANGE);
        Found approve = first(found, DecisionPhrases.Signal.APPROVE);
        boolean approving = found.stream().anyMatch(Found::approving);
        if (reject != null && approving) {
            return unclear(ownText);
        }
        if (reject != null) {
            return decision(Decision.Kind.REJECTED, reject);
        }
        if (change != null) {
            return decision(Decision.Kind.CHANGES_REQUESTED, change);
        }
        return approve != null ? decision(Decision.Kind.APPROVED, approve) : unclear(ownText);
    }

    private static List<Found> signals(String sentence) {
        boolean question = sentence.endsWith("?");
        boolean conditional = DecisionPhrases.isConditional(sentence);
        boolean deferred = DecisionPhrases.isDeferred(sentence);
        List<Found> found = new ArrayList<>();
        for (DecisionPhrases.Match match : DecisionPhrases.find(sentence)) {
            DecisionPhrases.Signal signal = match.signal();
            boolean decides = signal == DecisionPhrases.Signal.CHANGE || !question;
            if (signal == DecisionPhrases.Signal.APPROVE && deferred) {
                decides = false;
            } else if (signal == DecisionPhrases.Signal.APPROVE && conditional) {
                signal = DecisionPhrases.Signal.CHANGE;
            }
            if (decides) {
                boolean approving = match.signal() == DecisionPhrases.Signal.APPROVE;
                found.add(new Found(signal, match.language(), sentence, approving));
            }
        }
        return found;
    }

    private static Found first(List<Found> found, DecisionPhrases.Signal signal) {
        return found.stream().filter(f -> f.signal() == signal).findFirst().orElse(null);
    }

    private static Decision decision(Decision.Kind kind, Found found) {
        return new Decision(kind, found.sentence(), found.language());
    }

    private static Decision unclear(String text) {
        return new Decision(Decision.Kind.UNCLEAR, null, scriptLanguage(text == null ? "" : text));
    }

    /** Guesses the language from the letters: Kazakh-only letters, then Cyrillic, then Latin. */
    static String scriptLanguage(String text) {
        if (KAZAKH_LETTERS.matcher(text).find()) {
            return "kk";
        }
        if (CYRILLIC.matcher(text).find()) {
            return "ru";
        }
        return LATIN.matcher(text).find() ? "en" : null;
    }
}
