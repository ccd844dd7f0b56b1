package io.seire.command.access;

import io.seire.command.write.Sends;
import io.seire.command.write.Write;
import io.seire.command.write.WriteExecutor;
import io.seire.kernel.access.Actor;
import io.seire.kernel.access.RegisterUser;
import io.seire.kernel.access.Role;
import io.seire.platform.web.Fields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Users and access")
public class UsersController {

    public record CreateUser(String username, String password, List<Role> roles, List<String> projects,
                             List<String> programmes) {
    }

    static final int MIN_PASSWORD_LENGTH = 8;
    static final int MAX_PASSWORD_BYTES = 72;

    private final WriteExecutor writes;
    private final PasswordEncoder passwords;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    public UsersController(WriteExecutor writes, PasswordEncoder passwords,
                           com.fasterxml.jackson.databind.ObjectMapper json) {
        this.writes = writes;
        this.passwords = passwords;
        this.json = json;
    }

    @PostMapping("/api/v1/users")
    @Sends(RegisterUser.class)
    @Operation(summary = "Create a user with roles and project / programme memberships (administrators only)")
    public ResponseEntity<String> create(@RequestBody CreateUser body, Actor actor, HttpServletRequest request)
{
        Fields f = new Fields();
        f.required("username", body.username());
        f.required("password", body.password());
        f.required("roles", body.roles());
        if (body.password() != null && body.password().length() < MIN_PASSWORD_LENGTH) {
            f.add("password", "must be at least " + MIN_PASSWORD_LENGTH + " characters long");
        }
        if (body.password() != null && body.password().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                > MAX_PASSWORD_BYTES) {
            // BCrypt reads no further than this
            f.add("password", "must be at most " + MAX_PASSWORD_BYTES + " bytes long (letters such as õ or š count "
                    + "as two, an emoji as four)");
        }
        if (body.roles() != null && body.roles().contains(null)) {
            f.add("roles", "must not contain null");
        }
        f.throwIfInvalid();
        RegisterUser command = new RegisterUser(body.username(), passwords.encode(body.password()),
                Set.copyOf(body.roles()), set(body.projects()), set(body.programmes()));
        return writes.record(Write.ofJson(actor, body.username(), request, json, body, 201), command);
    }

    private static Set<String> set(List<String> values) {
        return values == null ? Set.of() : Set.copyOf(values.stream().filter(v -> v != null && !v.isBlank()).toList());
    }
}
