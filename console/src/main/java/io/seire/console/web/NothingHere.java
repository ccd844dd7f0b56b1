package io.seire.console.web;

import io.seire.kernel.RuleViolation;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** An address under the console's that no page serves: a page saying so (404), not the API's JSON. */
@Controller
public class NothingHere {

    @GetMapping({"/projects/**", "/programmes/**", "/admin/**"})
    public String nothing() {
        throw RuleViolation.notFound("not-found", "Nothing is served at this address.");
    }
}
