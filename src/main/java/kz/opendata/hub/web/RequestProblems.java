package kz.opendata.hub.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Problem details for requests the API cannot read at all: a body that is not JSON or has a
 * field of the wrong type, and a path or query parameter of the wrong type. Each names the field
 * or parameter, the value where it is safe to repeat, and the form expected.
 */
public final class RequestProblems {

    private RequestProblems() {}

    /** Describes a request body that could not be read into the expected object. */
    public static ProblemDetail unreadableBody(HttpMessageNotReadableException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, describeBody(e.getCause()));
    }

    /** Describes a path or query parameter whose value has the wrong type. */
    public static ProblemDetail wrongParameter(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "another type" : expectedForm(e.getRequiredType());
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                "Parameter '" + e.getName() + "' is invalid: '" + e.getValue() + "' is not " + expected);
    }

    private static String describeBody(Throwable cause) {
        if (cause instanceof InvalidFormatException invalid) {
            return "Field '" + path(invalid) + "' is invalid: '" + invalid.getValue() + "' is not "
                    + expectedForm(invalid.getTargetType());
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return "Field '" + path(mapping) + "' is invalid: " + firstLine(mapping.getOriginalMessage());
        }
        if (cause instanceof JsonProcessingException parsing && parsing.getLocation() != null) {
            return "The request body is not valid JSON at line "
                    + parsing.getLocation().getLineNr() + ", column "
                    + parsing.getLocation().getColumnNr() + ": " + firstLine(parsing.getOriginalMessage());
        }
        return "The request body is missing or unreadable; send a JSON object with Content-Type"
                + " application/json, as the OpenAPI description at /v3/api-docs shows";
    }

    private static String expectedForm(Class<?> type) {
        if (type == LocalDate.class) {
            return "a date in the form yyyy-MM-dd, such as 2026-11-30";
        }
        if (type == OffsetDateTime.class) {
            return "a date and time with offset, such as 2026-11-30T09:00:00+05:00";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "a valid " + type.getSimpleName();
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference ->
                        reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
