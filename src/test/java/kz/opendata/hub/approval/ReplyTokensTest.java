package kz.opendata.hub.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplyTokensTest {

    private static final byte[] KEY = "test key of forty bytes, not a secret!!!".getBytes(StandardCharsets.US_ASCII);

    private final ReplyTokens tokens = new ReplyTokens(KEY);

    @Test
    void verifiesIssuedToken() {
        String token = tokens.issue(42, 3);

        Optional<TokenRef> ref = tokens.verify(token);

        assertThat(token).matches("42-3-[A-Z2-7]{24}");
        assertThat(ref).contains(new TokenRef(42, 3));
    }

    @Test
    void issuesDistinctTokensPerVersion() {
        String first = tokens.issue(42, 1);
        String second = tokens.issue(42, 2);

        assertThat(signature(first)).isNotEqualTo(signature(second));
        assertThat(tokens.issue(42, 1)).isEqualTo(first);
    }

    @Test
    void rejectsChangedPassportOrVersion() {
        String token = tokens.issue(42, 1);

        assertThat(tokens.verify(token.replaceFirst("^42-", "43-"))).isEmpty();
        assertThat(tokens.verify(token.replaceFirst("^42-1-", "42-2-"))).isEmpty();
        assertThat(tokens.verify(token.replaceFirst("^42-", "142-"))).isEmpty();
    }

    @Test
    void rejectsEveryChangedSignatureLetter() {
        String token = tokens.issue(42, 1);
        int start = token.lastIndexOf('-') + 1;

        for (int i = start; i < token.length(); i++) {
            char replacement = token.charAt(i) == 'A' ? 'B' : 'A';
            String forged = token.substring(0, i) + replacement + token.substring(i + 1);
            assertThat(tokens.verify(forged))
                    .as("signature letter %d changed", i - start)
                    .isEmpty();
        }
    }

    @Test
    void rejectsTokenSignedWithAnotherKey() {
        ReplyTokens other =
                new ReplyTokens("another key of forty bytes, not secret!".getBytes(StandardCharsets.US_ASCII));

        String token = other.issue(42, 1);

        assertThat(tokens.verify(token)).isEmpty();
    }

    @Test
    void rejectsMalformedTokens() {
        String token = tokens.issue(42, 1);

        assertThat(tokens.verify(null)).isEmpty();
        assertThat(tokens.verify("")).isEmpty();
        assertThat(tokens.verify(token.substring(0, token.length() - 1))).isEmpty();
        assertThat(tokens.verify(token + "A")).isEmpty();
        assertThat(tokens.verify("ODH-" + token)).isEmpty();
    }

    @Test
    void acceptsLowerCaseSignature() {
        String token = tokens.issue(7, 2);

        assertThat(tokens.verify(token.toLowerCase())).contains(new TokenRef(7, 2));
    }

    @Test
    void findsTokenInRewrittenSubjects() {
        String token = tokens.issue(42, 1);
        String[] subjects = {
            "Re: RE: Fwd: [ODH-" + token + "] Согласование паспорта",
            "RE: Re: FW: [ODH-" + token + "] Approval",
            "AW: WG: [ODH-" + token + "]",
            "Ответ: Отв: [EXTERNAL] [ ODH-" + token + " ] Келісу",
            "re: [odh-" + token.toLowerCase() + "] lower-cased by a gateway",
            "Re:[ODH-" + token + "]Паспорт",
        };

        for (String subject : subjects) {
            Optional<String> found = tokens.findIn(subject);

            assertThat(found).as(subject).contains(token);
            assertThat(found.flatMap(tokens::verify)).as(subject).contains(new TokenRef(42, 1));
        }
    }

    @Test
    void findsTokenInMessageId() {
        String token = tokens.issue(42, 1);

        Optional<String> found = tokens.findIn("<odh." + token + "@hub.opendata.example.kz>");

        assertThat(found).contains(token);
    }

    @Test
    void findsNothingWithoutMarkedToken() {
        String token = tokens.issue(42, 1);

        assertThat(tokens.findIn("Re: Согласование паспорта 42-1")).isEmpty();
        assertThat(tokens.findIn("Re: " + token)).isEmpty();
        assertThat(tokens.findIn("Re: [ODH-" + token + "X]")).isEmpty();
        assertThat(tokens.findIn(null)).isEmpty();
    }

    @Test
    void rejectsShortKey() {
        byte[] shortKey = new byte[31];

        assertThatThrownBy(() -> new ReplyTokens(shortKey))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("31 bytes")
                .hasMessageContaining("HUB_REPLY_TOKEN_KEY");
    }

    private static String signature(String token) {
        return token.substring(token.lastIndexOf('-') + 1);
    }
}
