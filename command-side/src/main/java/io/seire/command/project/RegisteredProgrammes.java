package io.seire.command.project;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The programme each project was registered under, from the command side's register ({@code programme_member},
 * written in the transaction that records the registration; see JdbcProgrammeRegister). It never changes, so a
 * project once found is remembered; a project not (yet) registered is looked up again next time.
 */
public class RegisteredProgrammes {

    private static final int REMEMBERED = 100_000;

    private final JdbcClient jdbc;
    private final Map<String, String> known = new ConcurrentHashMap<>();

    public RegisteredProgrammes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The project's programme, or null when no such project is registered. */
    public String of(String projectId) {
        String programme = known.get(projectId);
        if (programme == null) {
            programme = jdbc.sql("SELECT programme FROM programme_member WHERE project_id = :projectId")
                    .param("projectId", projectId).query(String.class).optional().orElse(null);
            if (programme == null) {
                return null;
            }
            if (known.size() >= REMEMBERED) {
                known.clear();
            }
            known.put(projectId, programme);
        }
        return programme;
    }
}
