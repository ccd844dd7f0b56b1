package io.seire.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's error report as problem+json: requests refused before Spring sees them (an address that cannot be
 * decoded, headers larger than the limit) answer like every other refusal, without HTML or server internals.
 */
public class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // as Tomcat's own valve: only an error nobody has reported yet, on a response nothing was written to
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = status == 400 ? "The request is not valid"
                : known == null ? "HTTP status " + status : known.getReasonPhrase();
        String detail = status == 400
                ? "The request's address or headers cannot be read: check the address for characters that are not "
                + "allowed (such as %00) and that the headers are not unusually large."
                : status >= 500 ? "Nothing was recorded. Try again; if it keeps failing, tell the operators the time "
                + "of this answer." : title + ".";
        String body = "{\"type\":\"/problems/" + (status == 400 ? "invalid-request" : "http-" + status)
                + "\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail
                + "\",\"errors\":[]}";
        try {
            response.setContentType(Problems.PROBLEM_JSON.toString());
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the response already started: nothing more can be said
        }
    }
}
