package io.seire.console.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/**
 * The frame of every console page, and its refusals: whatever the API would have answered (404 for a project the
 * user may not see, 403, 503 while the views catch up with a write) is shown as a page with the API's message.
 */
@ControllerAdvice(basePackages = "io.seire.console")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ConsoleAdvice {

    private final Writes writes;
    private final ProblemMessages problems;

    public ConsoleAdvice(Writes writes, ProblemMessages problems) {
        this.writes = writes;
        this.problems = problems;
    }

    @ModelAttribute
    public void frame(HttpServletRequest request, Locale locale, Model model) {
        model.addAllAttributes(PageModel.common(request, locale));
    }

    @ExceptionHandler(Exception.class)
    public ModelAndView refused(Exception e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        ProblemDetail problem = problems.inLanguage(writes.problem(e, request), locale);
        ModelAndView page = new ModelAndView("console/error");
        page.addAllObjects(PageModel.common(request, locale));
        page.addObject("problem", problem);
        page.setStatus(org.springframework.http.HttpStatusCode.valueOf(problem.getStatus()));
        if (problem.getStatus() == 503 || problem.getStatus() == 429) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        }
        return page;
    }
}
