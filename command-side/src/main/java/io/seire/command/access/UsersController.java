package io.seire.command.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.seire.command.write.Sends;
import io.seire.command.write.Write;
import io.seire.command.write.WriteExecutor;
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

    public record CreateUser(String username, String password, List<Role> roles, List<String> projects,
                             List<String> programmes) {
        @Override
        public String toString() {
            return "CreateUser[username=" + username + ", roles=" + roles + ", projects=" + projects
                    + ", programmes=" + programmes + "]";
        }
    }

    public record Reason(String reason) {
    }

    public record AccessChange(List<Role> roles, List<String> projects, List<String> programmes, String reason) {
    }

    public record PasswordChange(String currentPassword, String newPassword) {
        @Override
        public String toString() {
            return "PasswordChange[…]";
        }
    }

    public record PasswordReset(String newPassword) {
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
    @Sends(RegisterUser.class)
    @Operation(summary = "Create a user with roles and project / programme memberships (administrators only)")
    public ResponseEntity<String> create(@RequestBody CreateUser body, Actor actor, HttpServletRequest request) {
        Fields f = new Fields();
        f.required("username", body.username());
        f.required("password", body.password());
        f.required("roles", body.roles());
        password(f, "password", body.password());
        roles(f, body.roles());
        f.throwIfInvalid();
        String hash = passwords.hashFor(body.username(), body.password());
        CreateUser canonical = new CreateUser(body.username(), hash, body.roles(), body.projects(), body.programmes());
        return writes.record(write(actor, body.username(), request, canonical, 201), new RegisterUser(body.username(),
                hash, Set.copyOf(body.roles()), set(body.projects()), set(body.programmes())));
    }

    @PostMapping("/api/v1/users/{username}/disable")
    @Sends(DisableUser.class)
    @Operation(summary = "Stop a user from signing in, on every node at once (administrators only)")
    public ResponseEntity<String> disable(@PathVariable String username, @RequestBody Reason body, Actor actor,
                                          HttpServletRequest request) {
        reason(body);
        return writes.record(write(actor, username, request, body, 200), new DisableUser(username, body.reason()));
    }

    @PostMapping("/api/v1/users/{username}/enable")
    @Sends(EnableUser.class)
    @Operation(summary = "Let a disabled user sign in again (administrators only)")
    public ResponseEntity<String> enable(@PathVariable String username, @RequestBody Reason body, Actor actor,
                                         HttpServletRequest request) {
        reason(body);
        return writes.record(write(actor, username, request, body, 200), new EnableUser(username, body.reason()));
    }

    @PostMapping("/api/v1/users/{username}/roles")
    @Sends(ChangeUserAccess.class)
    @Operation(summary = "Replace a user's roles and project / programme memberships (administrators only)")
    public ResponseEntity<String> changeAccess(@PathVariable String username, @RequestBody AccessChange body,
                                               Actor actor, HttpServletRequest request) {
        Fields f = new Fields();
        f.required("roles", body.roles());
        roles(f, body.roles());
        f.throwIfInvalid();
        return writes.record(write(actor, username, request, body, 200), new ChangeUserAccess(username,
                Set.copyOf(body.roles()), set(body.projects()), set(body.programmes()), f.optional(body.reason())));
    }

    @PostMapping("/api/v1/users/{username}/password")
    @Sends(ChangePassword.class)
    @Operation(summary = "Change your own password, confirming the current one")
    public ResponseEntity<String> changePassword(@PathVariable String username, @RequestBody PasswordChange body,
                                                 Actor actor, HttpServletRequest request) {
        Fields f = new Fields();
        f.required("currentPassword", body.currentPassword());
        f.required("newPassword", body.newPassword());
        password(f, "newPassword", body.newPassword());
        f.throwIfInvalid();
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
    public ResponseEntity<String> resetPassword(@PathVariable String username, @RequestBody PasswordReset body,
                                                Actor actor, HttpServletRequest request) {
        Fields f = new Fields();
        f.required("newPassword", body.newPassword());
        password(f, "newPassword", body.newPassword());
        f.throwIfInvalid();
        String hash = passwords.hashFor(username, body.newPassword());
        return writes.record(write(actor, username, request, new PasswordReset(hash), 200),
                new ResetPassword(username, hash));
    }

    /** A write to one user's account; its request content is compared for idempotency keys. */
    private Write write(Actor actor, String username, HttpServletRequest request, Object canonical, int status) {
        return Write.ofJson(actor, UserAccount.stream(username), request, json, canonical, status);
    }

    private static void password(Fields f, String field, String password) {
        String problem = Passwords.problem(password);
        if (problem != null) {
            f.add(field, problem);
        }
    }

    private static void roles(Fields f, List<Role> roles) {
        if (roles != null && roles.contains(null)) {
            f.add("roles", "must not contain null");
        }
    }

    private static void reason(Reason body) {
        Fields f = new Fields();
        f.required("reason", body.reason());
        f.throwIfInvalid();
    }

    private static Set<String> set(List<String> values) {
        return values == null ? Set.of() : Set.copyOf(values.stream().filter(v -> v != null && !v.isBlank()).toList());
    }
}
