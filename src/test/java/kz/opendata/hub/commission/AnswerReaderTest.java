package kz.opendata.hub.commission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerReaderTest {

    @Test
    void readsNumberedRussianAnswersWithReasons() {
        String text = """
                1. Принимается: столбец будет переименован.
                2) Не принимается, так как данные обновляются ежегодно
                и ведутся в другой системе.
                """;

        List<AnswerReader.Answer> answers = AnswerReader.read(text, List.of(1, 2));

        assertThat(answers).hasSize(2);
        assertThat(answers.get(0).number()).isEqualTo(1);
        assertThat(answers.get(0).answer()).isEqualTo(CommissionRepository.ACCEPTED);
        assertThat(answers.get(0).reason()).isEqualTo("столбец будет переименован.");
        assertThat(answers.get(1).answer()).isEqualTo(CommissionRepository.REJECTED);
        assertThat(answers.get(1).reason())
                .isEqualTo("так как данные обновляются ежегодно и ведутся в другой системе.");
    }

    @Test
    void readsKazakhRejectionBeforeItsAcceptanceStem() {
        List<AnswerReader.Answer> answers =
                AnswerReader.read("Ұсыным 3 — қабылданбады, себебі деректер құпия.", List.of(3));

        assertThat(answers.get(0).answer()).isEqualTo(CommissionRepository.REJECTED);
        assertThat(answers.get(0).reason()).isEqualTo("себебі деректер құпия.");
    }

    @Test
    void takesReasonWrittenBeforeDecision() {
        AnswerReader.Answer answer = AnswerReader.classify(2, "Сведения являются служебными, поэтому не принимается.");

        assertThat(answer.answer()).isEqualTo(CommissionRepository.REJECTED);
        assertThat(answer.reason()).isEqualTo("Сведения являются служебными, поэтому");
    }

    @Test
    void leavesRejectionWithoutReasonUnreasoned() {
        AnswerReader.Answer answer = AnswerReader.classify(1, "Not accepted.");

        assertThat(answer.answer()).isEqualTo(CommissionRepository.REJECTED);
        assertThat(answer.reason()).isNull();
    }

    @Test
    void ignoresNumbersThatWereNotAsked() {
        String text = "В 2026 году набор не менялся.\n4. Принимается.";

        List<AnswerReader.Answer> answers = AnswerReader.read(text, List.of(4));

        assertThat(answers).extracting(AnswerReader.Answer::number).containsExactly(4);
    }

    @Test
    void unnumberedReplyAnswersSingleRecommendation() {
        List<AnswerReader.Answer> answers = AnswerReader.read("Согласны, описание уточним.", List.of(7));

        assertThat(answers).hasSize(1);
        assertThat(answers.get(0).number()).isEqualTo(7);
        assertThat(answers.get(0).answer()).isEqualTo(CommissionRepository.ACCEPTED);
    }

    @Test
    void lineWithoutDecisionHasNoAnswer() {
        List<AnswerReader.Answer> answers = AnswerReader.read("1. Рассмотрим на следующей неделе.", List.of(1, 2));

        assertThat(answers).hasSize(1);
        assertThat(answers.get(0).answer()).isNull();
    }
}
