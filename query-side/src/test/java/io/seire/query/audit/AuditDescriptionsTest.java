package io.seire.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seire.kernel.ProjectEvent;
import io.seire.kernel.finance.ExpenditureCancelled;
import io.seire.kernel.reporting.ReportApproved;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Each capability names its events' audit lines beside its projection; they are read into one table (ADR 0041). */
class AuditDescriptionsTest {

    @Test
    void every_project_event_has_its_audit_line() throws Exception {
        List<Class<?>> events = projectEvents();
        assertThat(events).hasSizeGreaterThan(20);
        assertThat(AuditDescriptions.catalogue().keySet()).containsExactlyInAnyOrderElementsOf(events);
    }

    @Test
    void an_event_finds_the_line_its_capability_wrote() {
        assertThat(AuditDescriptions.describe(new ReportApproved("P", "R1", "Hea"), null, null))
                .isEqualTo(new AuditDescriptions.Description(null, "Report R1 approved", "Hea", List.of("reporting")));
        assertThat(AuditDescriptions.describe(new ExpenditureCancelled("P", "E1", "topelt"),
                new AuditDescriptions.Before("S", "10.00", "2024-07-01"), null))
                .isEqualTo(new AuditDescriptions.Description("2024-07-01", "Expenditure E1 cancelled: 10.00 on S",
                        "topelt", List.of("line:S", "date:2024-07-01")));
    }

    @Test
    void one_event_has_one_audit_line() {
        AuditDescriptions.Catalogue catalogue = new AuditDescriptions.Catalogue()
                .on(ReportApproved.class, (e, before, end) -> null);
        assertThatThrownBy(() -> catalogue.on(ReportApproved.class, (e, before, end) -> null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(ReportApproved.class.getName());
    }

    /** Every class of the kernel that is a project event, read from where the kernel's classes are. */
    private static List<Class<?>> projectEvents() throws Exception {
        URI location = ProjectEvent.class.getProtectionDomain().getCodeSource().getLocation().toURI();
        Path root = Path.of(location);
        List<Class<?>> events = new ArrayList<>();
        if (Files.isDirectory(root)) {
            collect(root, events);
        } else {
            try (FileSystem jar = FileSystems.newFileSystem(root, Map.of())) {
                collect(jar.getPath("/"), events);
            }
        }
        return events;
    }

    private static void collect(Path root, List<Class<?>> events) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replace('\\', '.');
                Class<?> type = Class.forName(name.substring(0, name.length() - ".class".length()));
                if (ProjectEvent.class.isAssignableFrom(type) && !type.isInterface()) {
                    events.add(type);
                }
            }
        }
    }
}
