package kz.opendata.hub.analysis.detect;

import java.util.regex.Pattern;

/** Finds e-mail addresses; a cell may list several, separated by commas or semicolons. */
final class EmailDetector implements ValueDetector {

    static final String KIND = "email";

    private static final Pattern ADDRESS =
            Pattern.compile("[A-Za-z0-9._%+\\-]+@[A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern SEPARATORS = Pattern.compile("[;,\\s]+");

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public boolean matches(String value) {
        if (value.indexOf('@') < 0) {
            return false;
        }
        for (String part : SEPARATORS.split(value.strip())) {
            if (!ADDRESS.matcher(part).matches()) {
                return false;
            }
        }
        return true;
    }

    /** Keeps the first letter of the mailbox and of the domain and the top-level domain: {@code i***@m***.ru}. */
    @Override
    public String mask(String value) {
        String address = SEPARATORS.split(value.strip())[0];
        int at = address.indexOf('@');
        String domain = address.substring(at + 1);
        String topLevel = domain.substring(domain.lastIndexOf('.') + 1);
        return address.charAt(0) + "***@" + domain.charAt(0) + "***." + topLevel;
    }
}
