package io.seire.query.access;

import io.seire.kernel.RuleViolation;
import io.seire.kernel.access.Actor;
import io.seire.query.read.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Who the users are, for administrators. Always current: the accounts are written with each change. */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users and access")
public class UsersViewController {

    private final UserViews views;

    public UsersViewController(UserViews views) {
        this.views = views;
    }

    @GetMapping
    @Operation(summary = "Every user, ordered by name, with roles, memberships and whether disabled (administrators only)")
    public Paging.Page<UserViews.UserSummary> list(Actor actor, @RequestParam(required = false) Integer page,
                                                   @RequestParam(required = false) Integer size) {
        onlyAdministrators(actor);
        return views.list(Paging.of(page, size));
    }

    @GetMapping("/{username}")
    @Operation(summary = "One user, with every change of the account: who, when and why (administrators only)")
    public UserViews.UserDetail detail(Actor actor, @PathVariable String username) {
        onlyAdministrators(actor);
        UserViews.UserDetail user = views.detail(username);
        if (user == null) {
            throw RuleViolation.notFound("not-found", "There is no user '" + username + "'.");
        }
        return user;
    }

    private static void onlyAdministrators(Actor actor) {
        if (!actor.isAdmin()) {
            throw RuleViolation.forbidden("role-allows-read", "Only an administrator can see the users.");
        }
    }
}
