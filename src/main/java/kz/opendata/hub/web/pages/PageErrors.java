package kz.opendata.hub.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import kz.opendata.hub.web.ConflictingStateException;
import kz.opendata.hub.web.InvalidChangeException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * A change the dashboard could not make goes back to the page it came from with the reason shown
 * above the form, instead of an error page.
 */
@ControllerAdvice(basePackageClasses = PageErrors.class)
class PageErrors {

    @ExceptionHandler({InvalidChangeException.class, ConflictingStateException.class})
    RedirectView rejectedChange(RuntimeException e, HttpServletRequest request, RedirectAttributes redirect) {
        redirect.addFlashAttribute("error", e.getMessage());
        return new RedirectView(pageOf(request), true);
    }

    /** Returns the page a form was posted from, which is the form's path without its action suffix. */
    static String pageOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String suffix : new String[] {"/send", "/resolution", "/edit"}) {
            if (path.endsWith(suffix)) {
                path = path.substring(0, path.length() - suffix.length());
            }
        }
        int findings = path.indexOf("/findings/");
        return findings < 0 ? path : path.substring(0, findings);
    }
}
