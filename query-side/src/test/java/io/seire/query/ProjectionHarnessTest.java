package io.seire.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;

/** The harness feeds every projection the query side has, so a view's test sees what the processor would write. */
class ProjectionHarnessTest {

    @Test
    void the_harness_holds_every_class_with_an_event_handler_or_a_processing_group() throws Exception {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter((reader, factory) -> reader.getAnnotationMetadata()
                .hasAnnotatedMethods(EventHandler.class.getName())
                || reader.getAnnotationMetadata().hasAnnotation(ProcessingGroup.class.getName()));
        Set<String> found = scan.findCandidateComponents("io.seire.query").stream()
                .map(bean -> bean.getBeanClassName())
                .filter(name -> !name.contains("Test") && !name.contains("Properties"))
                .collect(Collectors.toSet());

        assertThat(found).hasSizeGreaterThanOrEqualTo(10);
        assertThat(new ProjectionHarness().projectionTypes().stream().map(Class::getName))
                .containsExactlyInAnyOrderElementsOf(found);
    }
}
