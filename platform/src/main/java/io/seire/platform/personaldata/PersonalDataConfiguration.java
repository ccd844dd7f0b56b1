package io.seire.platform.personaldata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where the master key comes from, in this order: {@code SEIRE_MASTER_KEY} ({@code seire.personal-data.master-key},
 * base64 of 32 bytes), the operator's key file {@code seire.personal-data.master-key-file}, or — single node with the
 * embedded database — {@code var/master-key}, generated on the first start
 * ({@code seire.personal-data.generated-master-key-file}).
 */
@Configuration(proxyBeanMethods = false)
public class PersonalDataConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataConfiguration.class);

    @Bean
    public PersonalData personalData(JdbcTemplate jdbc, JdbcClient client,
                                     @Value("${seire.personal-data.master-key:${SEIRE_MASTER_KEY:}}") String configured,
                                     @Value("${seire.personal-data.master-key-file:${SEIRE_MASTER_KEY_FILE:}}") String file,
                                     @Value("${seire.personal-data.generated-master-key-file:}") String generated,
                                     @Value("${seire.personal-data.previous-master-key:${SEIRE_PREVIOUS_MASTER_KEY:}}")
                                     String previous) {
        MasterKey master = load(configured, file, generated);
        MasterKey before = previous.isBlank() ? null : MasterKey.parse(previous, "SEIRE_PREVIOUS_MASTER_KEY");
        PersonalData personalData = new PersonalData(new JdbcDataKeys(jdbc, client), master, before);
        if (before != null) {
            log.info("Data keys are wrapped under the master key {}; the previous master key {} is no longer needed",
                    master == null ? "(none)" : master.id(), before.id());
        }
        return personalData;
    }

    static MasterKey load(String configured, String keyFile, String generatedKeyFile) {
        try {
            if (!configured.isBlank()) {
                MasterKey key = MasterKey.parse(configured, "SEIRE_MASTER_KEY");
                log.info("Personal data is encrypted under the master key from SEIRE_MASTER_KEY (key id {})", key.id());
                return key;
            }
            if (!keyFile.isBlank()) {
                Path path = Path.of(keyFile);
                if (!Files.isRegularFile(path)) {
                    throw new IllegalStateException("The master key file " + path.toAbsolutePath()
                            + " (seire.personal-data.master-key-file) does not exist");
                }
                warnIfOthersMayRead(path);
                MasterKey key = MasterKey.parse(Files.readString(path, StandardCharsets.UTF_8), path.toString());
                log.info("Personal data is encrypted under the master key in {} (key id {})", path.toAbsolutePath(),
                        key.id());
                return key;
            }
            if (!generatedKeyFile.isBlank()) {
                Path path = Path.of(generatedKeyFile);
                boolean existed = Files.exists(path);
                MasterKey key = MasterKey.readOrGenerate(path);
                log.info("Personal data is encrypted under the master key in {}{} (key id {}); back it up apart from "
                        + "the database", path.toAbsolutePath(), existed ? "" : ", generated now", key.id());
                return key;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the master key for personal data", e);
        }
        log.warn("No master key for personal data is configured (SEIRE_MASTER_KEY or "
                + "seire.personal-data.master-key-file): this node can neither record nor read names");
        return null;
    }

    private static void warnIfOthersMayRead(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ)) {
                log.warn("The master key file {} can be read by others than its owner; make it mode 600",
                        file.toAbsolutePath());
            }
        }
    }
}
