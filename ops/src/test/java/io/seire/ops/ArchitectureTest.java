package io.seire.ops;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The layers stay honest: the kernel depends on nothing, the two sides never know each other, no JPA anywhere. */
class ArchitectureTest {

    static final JavaClasses SEIRE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar")) // other modules' test classes
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
                        "io.seire.command.workplans..", "io.seire.command.reimbursement..")
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

    /** ADR 0044: rows are read by column name, never by position in the SELECT list. */
    @Test
    void no_main_class_reads_a_result_set_by_column_number() {
        noClasses().should().callMethodWhere(DescribedPredicate.describe("a ResultSet getter by column number",
                        (JavaMethodCall call) -> call.getTarget().getOwner().isAssignableTo(java.sql.ResultSet.class)
                                && call.getName().startsWith("get")
                                && !call.getTarget().getRawParameterTypes().isEmpty()
                                && call.getTarget().getRawParameterTypes().get(0).isEquivalentTo(int.class)))
                .check(SEIRE);
    }

    /** Axon's tables, named in SQL only by the event store's one class (ADR 0044). */
    static final Pattern EVENT_TABLES = Pattern.compile("domainevententry|snapshotevententry|tokenentry");

    /** The one class that may name them. */
    static final String EVENT_TABLE = "platform/src/main/java/io/seire/platform/eventstore/EventTable.java";

    /** Literals that name an event table without querying it, each with its reason. */
    static final Set<String> NOT_QUERIES = Set.of(
            // the fuzzer sends this text as a field value to prove it is stored as data
            "tools/src/main/java/io/seire/tools/fuzz/FuzzInputs.java");

    /**
     * ADR 0044: every statement on Axon's tables is in {@code EventTable}. The statements are string constants, so
     * the string literals of every main source file are scanned (comments may still name the tables).
     */
    @Test
    void only_the_event_table_class_names_axons_tables_in_sql() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> offenders;
        try (Stream<Path> files = Files.walk(root, 12)) {
            offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> f.matches("[a-z-]+/src/main/java/.*"))
                    .filter(f -> !f.equals(EVENT_TABLE) && !NOT_QUERIES.contains(f))
                    .filter(f -> namesAnEventTable(root.resolve(f)))
                    .sorted().toList();
        }
        org.assertj.core.api.Assertions.assertThat(offenders)
                .as("main sources whose string literals name domainevententry, snapshotevententry or tokenentry")
                .isEmpty();
        org.assertj.core.api.Assertions.assertThat(namesAnEventTable(root.resolve(EVENT_TABLE))).isTrue();
    }

    /** A comment, char literal, text block or string literal: only the last two are looked into. */
    private static final Pattern LITERAL = Pattern.compile(
            "//[^\\n]*|/\\*(?s:.*?)\\*/|'(?:[^'\\\\\\n]|\\\\.)*'|\"\"\"(?s:.*?)\"\"\"|\"(?:[^\"\\\\\\n]|\\\\.)*\"");

    private static boolean namesAnEventTable(Path source) {
        try {
            Matcher m = LITERAL.matcher(Files.readString(source, StandardCharsets.UTF_8));
            while (m.find()) {
                String token = m.group();
                if (token.startsWith("\"") && EVENT_TABLES.matcher(token.toLowerCase(Locale.ROOT)).find()) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
