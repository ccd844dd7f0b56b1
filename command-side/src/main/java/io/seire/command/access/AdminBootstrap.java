package io.seire.command.access;

import io.seire.command.write.Write;
import io.seire.command.write.WriteExecutor;
import io.seire.kernel.RuleViolation;
import io.seire.kernel.access.Actor;
import io.seire.kernel.access.RegisterUser;
import io.seire.kernel.access.Role;
import io.seire.platform.security.UserAccounts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * On the first start there is nobody to create users, so Seire creates {@code admin}: with the password from
 * {@code SEIRE_ADMIN_PASSWORD}, or a random one written to {@code var/admin-password} for the operator (readable by
 * the operator's account only). A {@code SEIRE_ADMIN_PASSWORD} that the password rules refuse stops the start.
 */
@Component
public class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    public static final String ADMIN = "admin";

    private final UserAccounts accounts;
    private final WriteExecutor writes;
    private final PasswordEncoder passwords;
    private final String configuredPassword;
    private final Path passwordFile;

    public AdminBootstrap(UserAccounts accounts, WriteExecutor writes, PasswordEncoder passwords,
                          @Value("${SEIRE_ADMIN_PASSWORD:}") String configuredPassword,
                          @Value("${seire.admin-password-file:var/admin-password}") Path passwordFile) {
        String problem = configuredPassword.isBlank() ? null : Passwords.problem(configuredPassword);
        if (problem != null) {
            throw new IllegalStateException("SEIRE_ADMIN_PASSWORD " + problem + ". Set one of " + Passwords.MIN_LENGTH
                    + " characters or more, or unset it to "
                    + "have a random password written to " + passwordFile + " on the first start.");
        }
        this.accounts = accounts;
        this.writes = writes;
        this.passwords = passwords;
        this.configuredPassword = configuredPassword;
        this.passwordFile = passwordFile;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (accounts.exists(ADMIN)) {
            return;
        }
        boolean generated = configuredPassword.isBlank();
        String password = generated ? randomPassword() : configuredPassword;
        Write write = new Write(Actor.system("system"), UserAccount.stream(ADMIN), "/bootstrap/admin", null, UUID.randomUUID().toString(),
                new byte[0], "first start", 201);
        try {
            writes.record(write, new RegisterUser(ADMIN, passwords.encode(password), Set.of(Role.ADMIN), Set.of(), Set.of()));
        } catch (RuleViolation alreadyThere) {
            return; // another node created it at the same moment
        }
        if (generated) {
            writeForOperator(passwordFile, password);
            log.info("Created user 'admin'; its password is in {}", passwordFile.toAbsolutePath());
        } else {
            log.info("Created user 'admin' with the password from SEIRE_ADMIN_PASSWORD");
        }
    }

    /** Writes the password to a file only its owner can read or write (mode 600 where the file system knows modes). */
    static void writeForOperator(Path file, String password) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(file);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
