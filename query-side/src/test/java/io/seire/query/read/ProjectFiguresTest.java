package io.seire.query.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How {@link ProjectFigures} remembers a project's figures and a roll-up gathered from them. */
class ProjectFiguresTest {

    private final ProjectFigures figures = new ProjectFigures();
    private final List<String> computed = new ArrayList<>();

    private static ProjectScope project(String id, long projectedTo, Horizon horizon) {
        return new ProjectScope(new ProjectRow(id, "Projekt " + id, "P", "Ühing", "EUR", 2, LocalDate.of(2024, 1, 1),
                LocalDate.of(2026, 12, 31), BigDecimal.TEN, 1, null, projectedTo), horizon);
    }

    private Map<String, String> total(ProjectScope... projects) {
        Map<ProjectScope, LocalDate> arguments = new LinkedHashMap<>();
        for (ProjectScope p : projects) {
            arguments.put(p, LocalDate.of(2025, 12, 31));
        }
        return figures.of("total", arguments, missing -> {
            Map<String, String> answers = new LinkedHashMap<>();
            missing.keySet().forEach(p -> {
                computed.add(p.id() + "@" + Math.min(p.project().projectedTo(), p.maxPosition()));
                answers.put(p.id(), "total of " + p.id() + " at " + Math.min(p.project().projectedTo(), p.maxPosition()));
            });
            return answers;
        });
    }

    @Test
    void a_figure_is_computed_again_only_for_a_project_whose_state_changed() {
        total(project("A", 10, Horizon.NOW), project("B", 20, Horizon.NOW));
        assertThat(total(project("A", 10, Horizon.NOW), project("B", 21, Horizon.NOW)))
                .containsExactly(Map.entry("A", "total of A at 10"), Map.entry("B", "total of B at 21"));
        assertThat(computed).containsExactly("A@10", "B@20", "B@21");
    }

    @Test
    void a_reader_at_an_earlier_instant_gets_the_figure_of_the_state_its_horizon_allows() {
        total(project("A", 10, Horizon.NOW));
        assertThat(total(project("A", 10, new Horizon(7)))).containsExactly(Map.entry("A", "total of A at 7"));
        assertThat(computed).containsExactly("A@10", "A@7");
    }

    @Test
    void only_the_latest_figure_of_a_project_kind_and_argument_is_kept_whatever_the_number_of_states() {
        for (long state = 1; state <= 500; state++) {
            total(project("A", state, Horizon.NOW), project("B", 1, Horizon.NOW));
        }
        assertThat(figures.kept()).isEqualTo(2);
        assertThat(computed).hasSize(501); // B once, A at every state
    }

    @Test
    void a_gathered_figure_is_kept_once_and_gathered_again_when_any_project_changed_or_joined() {
        List<String> gathered = new ArrayList<>();
        for (long state = 1; state <= 100; state++) {
            List<ProjectScope> projects = List.of(project("A", state, Horizon.NOW), project("B", 5, Horizon.NOW));
            String rollUp = figures.gathered("roll-up", LocalDate.of(2025, 12, 31), projects, () -> {
                gathered.add("gathered");
                return "roll-up at " + projects.get(0).project().projectedTo();
            });
            assertThat(rollUp).isEqualTo("roll-up at " + state);
            // read again at the same states: remembered
            assertThat(figures.<String>gathered("roll-up", LocalDate.of(2025, 12, 31), projects, () -> {
                throw new AssertionError("gathered again at unchanged states");
            })).isEqualTo(rollUp);
        }
        assertThat(gathered).hasSize(100);
        assertThat(figures.kept()).isEqualTo(1);
        String withC = figures.gathered("roll-up", LocalDate.of(2025, 12, 31), List.of(project("A", 100, Horizon.NOW),
                project("B", 5, Horizon.NOW), project("C", 3, Horizon.NOW)), () -> "roll-up of three");
        assertThat(withC).isEqualTo("roll-up of three");
    }
}
