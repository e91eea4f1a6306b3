package kz.opendata.hub.commission;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Commission packages, their passports, and the recommendations with the agencies' answers. */
@Repository
class CommissionRepository {

    static final String AUTHORIZED = "authorized";
    static final String ACCESS = "access";
    static final String ACCEPTED = "accepted";
    static final String REJECTED = "rejected";

    private final JdbcClient jdbc;

    CommissionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertPackage(NewPackage pack) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO commission_package (title, created_at, created_by, summary_json, pdf, xlsx, message_id)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        pack.title(),
                        pack.createdAt(),
                        pack.createdBy(),
                        pack.summaryJson(),
                        pack.pdf(),
                        pack.xlsx(),
                        pack.messageId())
                .update(key, "id");
        long id = key.getKey().longValue();
        for (long passportId : pack.passportIds()) {
            jdbc.sql("INSERT INTO commission_package_passport (package_id, passport_id) VALUES (?, ?)")
                    .params(id, passportId)
                    .update();
        }
        return id;
    }

    Optional<PackageRow> findPackage(long id) {
        return jdbc.sql("SELECT id, title, created_at, created_by, summary_json, message_id, closed_at, closed_by"
                        + " FROM commission_package WHERE id = ?")
                .param(id)
                .query(PackageRow.class)
                .optional();
    }

    Optional<PackageRow> findPackageByMessageId(List<String> messageIds) {
        for (String messageId : messageIds) {
            Optional<PackageRow> row = jdbc.sql("SELECT id, title, created_at, created_by, summary_json, message_id,"
                            + " closed_at, closed_by FROM commission_package WHERE message_id = ?")
                    .param(messageId)
                    .query(PackageRow.class)
                    .optional();
            if (row.isPresent()) {
                return row;
            }
        }
        return Optional.empty();
    }

    List<PackageRow> packages(int limit) {
        return jdbc.sql("SELECT id, title, created_at, created_by, summary_json, message_id, closed_at, closed_by"
                        + " FROM commission_package ORDER BY id DESC LIMIT ?")
                .param(limit)
                .query(PackageRow.class)
                .list();
    }

    byte[] document(long id, String column) {
        String sql = switch (column) {
            case "pdf" -> "SELECT pdf FROM commission_package WHERE id = ?";
            case "xlsx" -> "SELECT xlsx FROM commission_package WHERE id = ?";
            default -> throw new IllegalArgumentException("no document column " + column);
        };
        return jdbc.sql(sql).param(id).query(byte[].class).single();
    }

    List<Long> passportsOf(long packageId) {
        return jdbc.sql("SELECT passport_id FROM commission_package_passport WHERE package_id = ? ORDER BY passport_id")
                .param(packageId)
                .query(Long.class)
                .list();
    }

    /** Passports in packages that are not closed yet, each once. */
    List<Long> passportsOfOpenPackages() {
        return jdbc.sql("SELECT DISTINCT pp.passport_id FROM commission_package_passport pp"
                        + " JOIN commission_package p ON p.id = pp.package_id WHERE p.closed_at IS NULL"
                        + " ORDER BY pp.passport_id")
                .query(Long.class)
                .list();
    }

    /** Ids of open packages that hold the passport. */
    List<Long> openPackagesOf(long passportId) {
        return jdbc.sql("SELECT p.id FROM commission_package p JOIN commission_package_passport pp"
                        + " ON pp.package_id = p.id WHERE pp.passport_id = ? AND p.closed_at IS NULL ORDER BY p.id")
                .param(passportId)
                .query(Long.class)
                .list();
    }

    /** Ids of passports already in some package. */
    List<Long> packagedPassports() {
        return jdbc.sql("SELECT DISTINCT passport_id FROM commission_package_passport")
                .query(Long.class)
                .list();
    }

    boolean close(long id, String by, OffsetDateTime at) {
        return jdbc.sql("UPDATE commission_package SET closed_at = ?, closed_by = ? WHERE id = ? AND closed_at IS NULL")
                        .params(at, by, id)
                        .update()
                == 1;
    }

    long insertRecommendation(NewRecommendation recommendation) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO commission_recommendation (passport_id, package_id, number, text, body, author,"
                        + " source_message_id, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        recommendation.passportId(),
                        recommendation.packageId(),
                        recommendation.number(),
                        recommendation.text(),
                        recommendation.body(),
                        recommendation.author(),
                        recommendation.sourceMessageId(),
                        recommendation.recordedAt())
                .update(key, "id");
        return key.getKey().longValue();
    }

    int nextNumber(long passportId) {
        Integer max = jdbc.sql("SELECT MAX(number) FROM commission_recommendation WHERE passport_id = ?")
                .param(passportId)
                .query(Integer.class)
                .single();
        return max == null ? 1 : max + 1;
    }

    void markSent(List<Long> ids, String messageId) {
        for (long id : ids) {
            jdbc.sql("UPDATE commission_recommendation SET sent_message_id = ? WHERE id = ?")
                    .params(messageId, id)
                    .update();
        }
    }

    List<Recommendation> recommendations(long passportId) {
        return jdbc.sql("SELECT * FROM commission_recommendation WHERE passport_id = ? ORDER BY number")
                .param(passportId)
                .query(Recommendation.class)
                .list();
    }

    /** Recommendations a letter to the agency carried. */
    List<Recommendation> sentIn(String messageId) {
        return jdbc.sql("SELECT * FROM commission_recommendation WHERE sent_message_id = ? ORDER BY number")
                .param(messageId)
                .query(Recommendation.class)
                .list();
    }

    void answer(long id, Answer answer) {
        jdbc.sql("UPDATE commission_recommendation SET answer = ?, answer_reason = ?, answer_sentence = ?,"
                        + " answer_message_id = ?, answer_sender = ?, answered_at = ? WHERE id = ?")
                .params(
                        answer.answer(),
                        answer.reason(),
                        answer.sentence(),
                        answer.messageId(),
                        answer.sender(),
                        answer.answeredAt(),
                        id)
                .update();
    }

    void markForwarded(List<Long> ids, String messageId) {
        for (long id : ids) {
            jdbc.sql("UPDATE commission_recommendation SET forwarded_message_id = ? WHERE id = ?")
                    .params(messageId, id)
                    .update();
        }
    }

    /** A package to store. */
    record NewPackage(
            String title,
            OffsetDateTime createdAt,
            String createdBy,
            String summaryJson,
            byte[] pdf,
            byte[] xlsx,
            String messageId,
            List<Long> passportIds) {}

    /** A stored package without its documents. */
    record PackageRow(
            long id,
            String title,
            OffsetDateTime createdAt,
            String createdBy,
            String summaryJson,
            String messageId,
            OffsetDateTime closedAt,
            String closedBy) {}

    /** A recommendation to store. */
    record NewRecommendation(
            long passportId,
            Long packageId,
            int number,
            String text,
            String body,
            String author,
            String sourceMessageId,
            OffsetDateTime recordedAt) {}

    /**
     * A stored recommendation.
     *
     * @param answer {@value #ACCEPTED}, {@value #REJECTED}, or null while unanswered
     */
    record Recommendation(
            long id,
            long passportId,
            Long packageId,
            int number,
            String text,
            String body,
            String author,
            String sourceMessageId,
            OffsetDateTime recordedAt,
            String sentMessageId,
            String answer,
            String answerReason,
            String answerSentence,
            String answerMessageId,
            String answerSender,
            OffsetDateTime answeredAt,
            String forwardedMessageId) {

        boolean isAnswered() {
            return answer != null && (ACCEPTED.equals(answer) || answerReason != null);
        }
    }

    /** An agency's answer to one recommendation. */
    record Answer(
            String answer,
            String reason,
            String sentence,
            String messageId,
            String sender,
            OffsetDateTime answeredAt) {}
}
