package kz.opendata.hub.campaign;

import java.util.List;
import kz.opendata.hub.web.RequestProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns the agency exchange's input errors into 422 responses that list every problem, so an
 * analyst fixes a list or a form in one go.
 */
@RestControllerAdvice(basePackages = {"kz.opendata.hub.campaign", "kz.opendata.hub.exchange"})
class ExchangeApiErrors {

    @ExceptionHandler(InvalidCampaignException.class)
    ProblemDetail invalidCampaign(InvalidCampaignException e) {
        return problems("Campaign not created", e.problems());
    }

    /** Handles a wrong-typed parameter before the handler below would take its NumberFormatException. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail wrongParameter(MethodArgumentTypeMismatchException e) {
        return RequestProblems.wrongParameter(e);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadableBody(HttpMessageNotReadableException e) {
        return RequestProblems.unreadableBody(e);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail unreadableUpload(IllegalArgumentException e) {
        return problems("Request not accepted", List.of(e.getMessage()));
    }

    static ProblemDetail problems(String title, List<String> problems) {
        ProblemDetail detail = ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        detail.setTitle(title);
        detail.setDetail(String.join("; ", problems));
        detail.setProperty("problems", problems);
        return detail;
    }
}
