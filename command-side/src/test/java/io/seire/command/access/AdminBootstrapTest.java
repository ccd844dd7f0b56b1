package io.seire.command.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.seire.command.write.WriteExecutor;
import io.seire.kernel.access.RegisterUser;
import io.seire.platform.security.UserAccounts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** The first start: who may become admin, and who may read the password Seire chose. */
class AdminBootstrapTest {

    @TempDir
    Path dir;

    final UserAccounts accounts = mock(UserAccounts.class);
    final WriteExecutor writes = mock(WriteExecutor.class);
    final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(4);

    @Test
    void an_admin_password_shorter_than_12_characters_stops_the_start_saying_why() {
        assertThatThrownBy(() -> new AdminBootstrap(accounts, writes, encoder, "Lühike-pw11", dir.resolve("pw")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SEIRE_ADMIN_PASSWORD must be at least 12 characters long");
        new AdminBootstrap(accounts, writes, encoder, "Piisav-pw-12", dir.resolve("pw"));
        new AdminBootstrap(accounts, writes, encoder, "", dir.resolve("pw")); // unset: a random one is chosen
    }

    @Test
    void the_chosen_password_is_written_readable_by_its_owner_only() throws Exception {
        Path file = dir.resolve("var").resolve("admin-password");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "an older file, readable by all\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        when(accounts.exists("admin")).thenReturn(false);
        when(writes.record(any(), any())).thenReturn(ResponseEntity.status(201).body(new io.seire.command.write.Written("admin", 1)));

        new AdminBootstrap(accounts, writes, encoder, "", file).run(null);

        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        String password = Files.readString(file, StandardCharsets.UTF_8).strip();
        assertThat(password.length()).isGreaterThanOrEqualTo(Passwords.MIN_LENGTH);
        ArgumentCaptor<Object> command = ArgumentCaptor.forClass(Object.class);
        verify(writes).record(any(), command.capture());
        assertThat(encoder.matches(password, ((RegisterUser) command.getValue()).passwordHash())).isTrue();
    }
}
