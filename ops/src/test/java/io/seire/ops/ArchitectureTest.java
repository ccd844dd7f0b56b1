package io.seire.ops;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layers stay honest: the kernel depends on nothing, the two sides never know each other, no JPA anywhere. */
class ArchitectureTest {

    static final JavaClasses SEIRE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.seire");

    @Test
    void the_kernel_depends_on_nothing_but_the_jdk() {
        classes().that().resideInAPackage("io.seire.kernel..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.seire.kernel..", "java..")
                .check(SEIRE);
    }

    @Test
    void the_query_side_never_imports_the_command_side() {
        noClasses().that().resideInAPackage("io.seire.query..")
                .should().dependOnClassesThat().resideInAPackage("io.seire.command..")
                .check(SEIRE);
    }

    @Test
    void the_command_side_never_imports_the_query_side() {
        noClasses().that().resideInAPackage("io.seire.command..")
                .should().dependOnClassesThat().resideInAPackage("io.seire.query..")
                .check(SEIRE);
    }

    @Test
    void the_platform_knows_neither_side() {
        noClasses().that().resideInAPackage("io.seire.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("io.seire.command..", "io.seire.query..")
                .check(SEIRE);
    }

    @Test
    void no_jpa_anywhere() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("jakarta.persistence..", "javax.persistence..", "org.hibernate..")
                .check(SEIRE);
    }

    @Test
    void domain_rules_on_the_command_side_know_no_spring() {
        noClasses().that().resideInAnyPackage("io.seire.command.setup..", "io.seire.command.finance..",
                        "io.seire.command.results..", "io.seire.command.staffing..", "io.seire.command.progress..",
                        "io.seire.command.reporting..", "io.seire.command.programme..",
                        "io.seire.command.workplans..")
                .and().haveSimpleNameNotEndingWith("Controller")
                .and().haveSimpleNameNotStartingWith("Jdbc")
                .and().haveSimpleNameNotStartingWith("Csv")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(SEIRE);
    }

    /** Access is decided before a write's body is read (AccessBeforeBody): every write endpoint names its command. */
    @Test
    void every_write_endpoint_names_the_command_whose_permission_is_checked_before_its_body_is_read() {
        methods().that().areAnnotatedWith(org.springframework.web.bind.annotation.PostMapping.class)
                .should().beAnnotatedWith(io.seire.command.write.Sends.class)
                .check(SEIRE);
        SEIRE.stream().flatMap(c -> c.getMethods().stream())
                .filter(m -> m.isAnnotatedWith(io.seire.command.write.Sends.class))
                .forEach(m -> io.seire.command.project.ProjectAccess.permission(
                        m.reflect().getAnnotation(io.seire.command.write.Sends.class).value()));
    }
}
