package io.seire.query.personaldata;

import io.seire.kernel.RuleViolation;
import io.seire.kernel.access.Actor;
import io.seire.query.read.ReadGate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Subject access: where a person's name appears, across every project (administrators only). */
@RestController
@Tag(name = "Personal data")
public class SubjectAccessController {

    private final SubjectAccess subjects;
    private final ReadGate readGate;

    public SubjectAccessController(SubjectAccess subjects, ReadGate readGate) {
        this.subjects = subjects;
        this.readGate = readGate;
    }

    @GetMapping("/api/v1/personal-data")
    @Operation(summary = "Where a name appears: hires by staff id, free text by record, with the fields and events "
            + "(administrators only)")
    public List<SubjectAccess.Appearance> find(Actor actor, @RequestParam(required = false) String name,
                                               @RequestParam(required = false) Long minPosition) {
        if (!actor.isAdmin()) {
            throw RuleViolation.forbidden("role-allows-read", "Only an administrator can search personal data.");
        }
        if (name == null || name.strip().length() < 2 || name.indexOf('\u0000') >= 0) {
            throw RuleViolation.badRequest("field-required", "name", "Give the name to search for (2 characters or more).");
        }
        readGate.awaitPosition(minPosition);
        return subjects.find(name);
    }
}
