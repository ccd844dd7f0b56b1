package io.seire.command.project;

import io.seire.kernel.setup.ProjectRegistered;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The programme each project was registered under, read from its registration event. It never changes, so a project
 * once found is remembered; a project not (yet) registered is looked up again next time.
 */
public class RegisteredProgrammes {

    private static final int REMEMBERED = 100_000;

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final String registeredType;
    private final Map<String, Optional<String>> known = new ConcurrentHashMap<>();

    public RegisteredProgrammes(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.registeredType = serializer.typeForClass(ProjectRegistered.class).getName();
    }

    /** The project's programme, or null when no such project is registered (or it names no programme). */
    public String of(String projectId) {
        Optional<String> programme = known.get(projectId);
        if (programme == null) {
            programme = registration(projectId);
            if (programme == null) {
                return null;
            }
            if (known.size() >= REMEMBERED) {
                known.clear();
            }
            known.put(projectId, programme);
        }
        return programme.orElse(null);
    }

    private Optional<String> registration(String projectId) {
        return jdbc.query("SELECT payloadrevision, payload FROM domainevententry "
                        + "WHERE aggregateidentifier = ? AND sequencenumber = 0 AND payloadtype = ?",
                rs -> rs.next() ? Optional.ofNullable(deserialize(rs.getString(1), rs.getBytes(2)).programme()) : null,
                projectId, registeredType);
    }

    private ProjectRegistered deserialize(String revision, byte[] payload) {
        return serializer.deserialize(new SimpleSerializedObject<>(payload, byte[].class,
                new SimpleSerializedType(registeredType, revision)));
    }
}
