package io.seire.command.access;

import jakarta.validation.Valid;
import io.seire.platform.web.rules.RulesInCode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.NotBlank;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seire.command.write.Sends;
import io.seire.command.write.Write;
import io.seire.command.write.WriteExecutor;
import io.seire.command.write.Written;
import io.seire.kernel.RuleViolation;
import io.seire.kernel.access.Actor;
import io.seire.kernel.access.ChangePassword;
import io.seire.kernel.access.ChangeUserAccess;
import io.seire.kernel.access.DisableUser;
import io.seire.kernel.access.EnableUser;
import io.seire.kernel.access.RegisterUser;
import io.seire.kernel.access.ResetPassword;
import io.seire.kernel.access.Role;
import io.seire.platform.security.SignInOrigin;
import io.seire.platform.web.Fields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Users and their credentials. A password in a request is turned into a hash before anything else sees it: the
 * command, the event and the idempotency record's request hash hold only the BCrypt hash (a retried request finds
 * the same hash, see {@link Passwords#hashFor}), and the request records never print a password.
 */
@RestController
@Tag(name = "Users and access")
public class UsersController {

    public record CreateUser(@NotBlank String username, @NotBlank @AcceptablePassword String password,
                             @NotNull List<Role> roles, List<String> projects, List<String> programmes)
            implements RulesInCode {

        @Override
        public void check(Refusals refusals) {
            rolesNotNull(roles, refusals);
        }

        @Override
        public String toString() {
            return "CreateUser[username=" + username + ", roles=" + roles + ", projects=" + projects
                    + ", programmes=" + programmes + "]";
        }
    }

    public record Reason(@NotBlank String reason) {
    }

    public record AccessChange(@NotNull List<Role> roles, List<String> projects, List<String> programmes,
                               String reason) implements RulesInCode {

        @Override
        public void check(Refusals refusals) {
            rolesNotNull(roles, refusals);
        }
    }

    public record PasswordChange(@NotBlank String currentPassword,
                                 @NotBlank @AcceptablePassword String newPassword) {
        @Override
        public String toString() {
            return "PasswordChange[…]";
        }
    }

    public record PasswordReset(@NotBlank @AcceptablePassword String newPassword) {
        @Override
        public String toString() {
            return "PasswordReset[…]";
        }
    }


    private final WriteExecutor writes;
    private final Passwords passwords;
    private final SignInOrigin.Source origins;
    private final ObjectMapper json;

    public UsersController(WriteExecutor writes, Passwords passwords, SignInOrigin.Source origins, ObjectMapper json) {
        this.writes = writes;
        this.passwords = passwords;
        this.origins = origins;
        this.json = json;
    }

    @PostMapping("/api/v1/users")
    @ResponseStatus(HttpStatus.CREATED)
    @Sends(RegisterUser.class)
    @Operation(summary = "Create a user with roles and project / programme memberships (administrators only)")
    public ResponseEntity<Written> create(@Valid @RequestBody CreateUser body, Actor actor, HttpServletRequest request) {
        String hash = passwords.hashFor(body.username(), body.password());
        CreateUser canonical = new CreateUser(body.username(), hash, body.roles(), body.projects(), body.programmes());
        return writes.record(write(actor, body.username(), request, canonical, 201), new RegisterUser(body.username(),
                hash, Set.copyOf(body.roles()), set(body.projects()), set(body.programmes())));
    }

    @PostMapping("/api/v1/users/{username}/disable")
    @Sends(DisableUser.class)
    @Operation(summary = "Stop a user from signing in, on every node at once (administrators only)")
    public ResponseEntity<Written> disable(@PathVariable String username, @Valid @RequestBody Reason body, Actor actor,
                                          HttpServletRequest request) {
        return writes.record(write(actor, username, request, body, 200), new DisableUser(username, body.reason()));
    }

    @PostMapping("/api/v1/users/{username}/enable")
    @Sends(EnableUser.class)
    @Operation(summary = "Let a disabled user sign in again (administrators only)")
    public ResponseEntity<Written> enable(@PathVariable String username, @Valid @RequestBody Reason body, Actor actor,
                                         HttpServletRequest request) {
        return writes.record(write(actor, username, request, body, 200), new EnableUser(username, body.reason()));
    }

    @PostMapping("/api/v1/users/{username}/roles")
    @Sends(ChangeUserAccess.class)
    @Operation(summary = "Replace a user's roles and project / programme memberships (administrators only)")
    public ResponseEntity<Written> changeAccess(@PathVariable String username, @Valid @RequestBody AccessChange body,
                                               Actor actor, HttpServletRequest request) {
        return writes.record(write(actor, username, request, body, 200), new ChangeUserAccess(username,
                Set.copyOf(body.roles()), set(body.projects()), set(body.programmes()), Fields.optional(body.reason())));
    }

    @PostMapping("/api/v1/users/{username}/password")
    @Sends(ChangePassword.class)
    @Operation(summary = "Change your own password, confirming the current one")
    public ResponseEntity<Written> changePassword(@PathVariable String username, @Valid @RequestBody PasswordChange body,
                                                 Actor actor, HttpServletRequest request) {
        if (!actor.username().equals(username)) {
            // the account refuses this too; refused here first so that no one makes Seire hash passwords for others
            throw RuleViolation.forbidden("password-changed-by-its-user", "Only '" + username + "' can change their "
                    + "own password; an administrator gives a new one with password-reset.");
        }
        // counted like a sign-in, before anything else is hashed: a wrong guess is a failure, and pauses answer 429
        boolean confirmed = passwords.confirms(username, body.currentPassword(), origins.buildDetails(request).address());
        String hash = passwords.hashFor(username, body.newPassword());
        // the current password proves who asks; it is no part of what is asked for
        return writes.record(write(actor, username, request, new PasswordChange(null, hash), 200),
                new ChangePassword(username, hash, confirmed));
    }

    @PostMapping("/api/v1/users/{username}/password-reset")
    @Sends(ResetPassword.class)
    @Operation(summary = "Give a user a new password (administrators only)")
    public ResponseEntity<Written> resetPassword(@PathVariable String username, @Valid @RequestBody PasswordReset body,
                                                Actor actor, HttpServletRequest request) {
        String hash = passwords.hashFor(username, body.newPassword());
        return writes.record(write(actor, username, request, new PasswordReset(hash), 200),
                new ResetPassword(username, hash));
    }

    /** A write to one user's account; its request content is compared for idempotency keys. */
    private Write write(Actor actor, String username, HttpServletRequest request, Object canonical, int status) {
        return Write.ofJson(actor, UserAccount.stream(username), request, json, canonical, status);
    }

    private static void rolesNotNull(List<Role> roles, RulesInCode.Refusals refusals) {
        if (roles != null && roles.contains(null)) {
            refusals.refuse("roles", "must not contain null");
        }
    }

    private static Set<String> set(List<String> values) {
        return values == null ? Set.of() : Set.copyOf(values.stream().filter(v -> v != null && !v.isBlank()).toList());
    }
}
