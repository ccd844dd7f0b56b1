package io.seire.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page Spring Boot forwards to when something answers with a bare status (an address nothing serves, a
 * refusal outside Spring MVC): problem+json like every other refusal, in place of Boot's
 * {@code {"timestamp","status","error","path"}}. Written straight to the response, whatever {@code Accept} says.
 */
@RestController
public class ProblemErrorPage implements ErrorController {

    static final String NOTHING_HERE = "Nothing is served at this address; the API's addresses are listed at /v3/api-docs.";

    private final ObjectMapper json;

    public ProblemErrorPage(ObjectMapper json) {
        this.json = json;
    }

    @RequestMapping("/error")
    public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // asked for directly, /error is an address like any other that serves nothing
        HttpStatusCode status = HttpStatusCode.valueOf(code == null ? 404
                : code instanceof Integer i && i >= 400 && i <= 599 ? i : 500);
        HttpStatus known = HttpStatus.resolve(status.value());
        String title;
        String detail;
        String type;
        if (status.value() == 404) {
            type = "not-found";
            title = "Not found";
            detail = NOTHING_HERE;
        } else if (status.is5xxServerError()) {
            type = "internal-error";
            title = "Something went wrong on our side";
            detail = "Try again; if it keeps failing, tell the operators the time of this answer.";
        } else {
            type = "http-" + status.value();
            title = known == null ? "HTTP status " + status.value() : known.getReasonPhrase();
            detail = title + ".";
        }
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        Problems.write(json, response, Problems.problem(status, type, title, detail, List.of()));
    }
}
