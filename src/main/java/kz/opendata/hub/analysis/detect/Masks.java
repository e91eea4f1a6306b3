package kz.opendata.hub.analysis.detect;

/** Masking helpers shared by the detectors. */
final class Masks {

    private Masks() {}

    /** Keeps the first character of each word: {@code ул. Абая 10 кв. 5} to {@code у*** А*** 1*** к*** 5***}. */
    static String wordInitials(String value) {
        StringBuilder masked = new StringBuilder();
        for (String word : value.strip().split("[\\s.,]+")) {
            if (!word.isEmpty()) {
                masked.append(masked.isEmpty() ? "" : " ")
                        .append(word.charAt(0))
                        .append("***");
            }
        }
        return masked.toString();
    }

    /** Replaces every letter and digit but the last {@code keep} ones with {@code *}, keeping separators. */
    static String keepLast(String value, int keep) {
        int total = (int) value.chars().filter(Character::isLetterOrDigit).count();
        StringBuilder masked = new StringBuilder(value.length());
        int seen = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                seen++;
                masked.append(seen > total - keep ? c : '*');
            } else {
                masked.append(c);
            }
        }
        return masked.toString();
    }
}
