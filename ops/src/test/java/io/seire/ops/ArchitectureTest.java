package io.seire.ops;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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

    static final ArchRule NO_REPLAY_AWARE_HANDLERS = noClasses()
            .should().dependOnClassesThat().haveFullyQualifiedName(
                    org.axonframework.eventhandling.DisallowReplay.class.getName())
            .orShould().dependOnClassesThat().haveFullyQualifiedName(
                    org.axonframework.eventhandling.ReplayStatus.class.getName())
            .orShould().dependOnClassesThat().haveFullyQualifiedName(
                    org.axonframework.eventhandling.ReplayToken.class.getName())
            .because("ADR 0053: a rebuild replays the events with their plain tokens, not as Axon's replay");

    @Test
    void no_projection_tells_a_replayed_event_from_a_live_one() {
        NO_REPLAY_AWARE_HANDLERS.check(SEIRE);
        // and the rule sees such a handler
        org.assertj.core.api.Assertions.assertThat(NO_REPLAY_AWARE_HANDLERS.evaluate(new ClassFileImporter()
                .importClasses(LiveOnly.class)).getFailureReport().getDetails()).isNotEmpty()
                .allSatisfy(d -> org.assertj.core.api.Assertions.assertThat(d).contains(LiveOnly.class.getName()));
    }

    /** What the rule forbids: a handler that would run live but not in Axon's replay. */
    static final class LiveOnly {
        @org.axonframework.eventhandling.EventHandler
        @org.axonframework.eventhandling.DisallowReplay
        void on(String event) {
        }
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

    /**
     * The classes that may still send a statement through {@code JdbcTemplate} (ADR 0044), each for what
     * {@code JdbcClient} cannot do; their nested classes too. Everything else reads and writes through a
     * {@code JdbcClient} with named parameters.
     */
    static final Map<String, String> TEMPLATE_STATEMENTS = Map.of(
            "io.seire.query.read.ProjectionWriter",
            "queues the projections' statements and sends them as JDBC batches: JdbcClient has no batch API",
            "io.seire.query.read.CopyRows", "sends a rebuild's batches as COPY, through the driver's own API",
            "io.seire.query.read.BulkLoad",
            "a rebuild's index handling: drops indexes and re-creates them from pg_indexes (DDL read from the catalogue)",
            "io.seire.query.read.ProjectionRebuild",
            "the rebuild's TRUNCATE of every view table, in the transaction that resets the tokens",
            "io.seire.query.iati.IatiDocument",
            "the transactions cursor reads with a fetch size, on the document's own repeatable-read connection",
            "io.seire.platform.personaldata.JdbcDataKeys",
            "stores a key rotation's keys with batchUpdate: JdbcClient has no batch API");

    /** The methods of {@code JdbcTemplate} and {@code NamedParameterJdbcTemplate} that send a statement. */
    static final Set<String> STATEMENT_METHODS = Set.of("query", "queryForObject", "queryForList", "queryForMap",
            "queryForStream", "queryForRowSet", "update", "batchUpdate", "execute", "call");

    static boolean listed(com.tngtech.archunit.core.domain.JavaClass c, Set<String> names) {
        return names.stream().anyMatch(n -> c.getName().equals(n) || c.getName().startsWith(n + "$"));
    }

    /** ADR 0044: one data-access style; a template statement outside {@link #TEMPLATE_STATEMENTS} is a second one. */
    static final ArchRule ONLY_BATCHES_COPY_AND_CURSORS_USE_JDBC_TEMPLATE = noClasses()
            .that(DescribedPredicate.describe("are not listed in TEMPLATE_STATEMENTS",
                    (com.tngtech.archunit.core.domain.JavaClass c) -> !listed(c, TEMPLATE_STATEMENTS.keySet())))
            .should().callMethodWhere(DescribedPredicate.describe("a statement sent through JdbcTemplate",
                    (JavaMethodCall call) -> STATEMENT_METHODS.contains(call.getName())
                            && (call.getTarget().getOwner().isAssignableTo(org.springframework.jdbc.core.JdbcOperations.class)
                            || call.getTarget().getOwner().isAssignableTo(
                                    org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations.class))))
            .because("ADR 0044: statements go through the shared JdbcClient with named parameters");

    @Test
    void only_batches_copy_and_cursors_send_statements_through_jdbc_template() {
        ONLY_BATCHES_COPY_AND_CURSORS_USE_JDBC_TEMPLATE.check(SEIRE);
    }

    /**
     * The classes that may build a {@code JdbcClient}, each with its reason (ADR 0044). Everything else takes the one
     * shared client: each client keeps its own cache of parsed statements.
     */
    static final Map<String, String> CLIENT_BUILDERS = Map.of(
            "io.seire.platform.PlatformConfiguration", "builds the one client both sides share, once",
            "io.seire.query.iati.IatiDocument",
            "one client per document, over the document's own repeatable-read connection (its snapshot)",
            "io.seire.platform.eventstore.EventTable",
            "reads through the template its caller gives it (a projection batch's, a tool's own database), and its "
                    + "long reads need a template of their own with a fetch size");

    static final ArchRule ONE_SHARED_JDBC_CLIENT = noClasses()
            .that(DescribedPredicate.describe("are not listed in CLIENT_BUILDERS",
                    (com.tngtech.archunit.core.domain.JavaClass c) -> !listed(c, CLIENT_BUILDERS.keySet())))
            .should().callMethodWhere(DescribedPredicate.describe("JdbcClient.create",
                    (JavaMethodCall call) -> call.getName().equals("create") && call.getTarget().getOwner()
                            .isEquivalentTo(org.springframework.jdbc.core.simple.JdbcClient.class)))
            .because("ADR 0044: data access takes the shared JdbcClient bean (each client caches its parsed statements)");

    @Test
    void only_the_configuration_the_iati_snapshot_and_the_event_table_build_a_jdbc_client() {
        ONE_SHARED_JDBC_CLIENT.check(SEIRE);
    }

    /** Each rule above fails on the code it forbids: the fixtures below, which stand for the old code. */
    @Test
    void the_data_access_rules_fail_on_the_old_style() {
        JavaClasses fixtures = new ClassFileImporter().importClasses(PositionalReader.class, OwnClient.class);
        org.assertj.core.api.Assertions.assertThat(ONLY_BATCHES_COPY_AND_CURSORS_USE_JDBC_TEMPLATE.evaluate(fixtures)
                .getFailureReport().getDetails()).singleElement().asString().contains(PositionalReader.class.getName());
        org.assertj.core.api.Assertions.assertThat(ONE_SHARED_JDBC_CLIENT.evaluate(fixtures)
                .getFailureReport().getDetails()).singleElement().asString().contains(OwnClient.class.getName());
        org.assertj.core.api.Assertions.assertThat(catchAll("\"project_id = ? AND (? IS NULL OR budget_line = ?)\""))
                .isTrue();
        org.assertj.core.api.Assertions.assertThat(catchAll("\"project_id = :projectId AND (:budgetLine::text IS NULL "
                + "OR budget_line = :budgetLine)\"")).isTrue();
        org.assertj.core.api.Assertions.assertThat(catchAll("\"project_id = :projectId AND budget_line = :budgetLine\""))
                .isFalse();
    }

    /** The old style, as the first rule sees it: a positional read through the template. */
    static final class PositionalReader {
        long count(org.springframework.jdbc.core.JdbcTemplate jdbc, String projectId) {
            return jdbc.queryForObject("SELECT count(*) FROM expenditure_version WHERE project_id = ?", Long.class,
                    projectId);
        }
    }

    /** The old style, as the second rule sees it: a view that builds its own client. */
    static final class OwnClient {
        final org.springframework.jdbc.core.simple.JdbcClient jdbc;

        OwnClient(org.springframework.jdbc.core.JdbcTemplate template) {
            this.jdbc = org.springframework.jdbc.core.simple.JdbcClient.create(template);
        }
    }

    /** A filter that stays in the statement when it is not given: {@code (? IS NULL OR …)} or {@code (:x IS NULL OR …)}. */
    static final Pattern CATCH_ALL = Pattern.compile("(\\?|:[A-Za-z_][A-Za-z0-9_]*)(::[a-z]+)?\\)?\\s+IS\\s+NULL\\s+OR\\b",
            Pattern.CASE_INSENSITIVE);

    /**
     * ADR 0044: a filtered list adds one fixed condition per filter given; a catch-all condition loses the partial
     * indexes once PostgreSQL plans the statement generically. The string literals of every main source are scanned.
     */
    @Test
    void no_statement_filters_with_a_catch_all_condition() throws IOException {
        List<String> offenders = mainSources(f -> true, ArchitectureTest::catchAll);
        org.assertj.core.api.Assertions.assertThat(offenders)
                .as("main sources whose string literals filter with (? IS NULL OR ...)").isEmpty();
    }

    /** The main sources (paths from the repository's root) that pass both filters, sorted. */
    private static List<String> mainSources(java.util.function.Predicate<String> path,
                                            java.util.function.Predicate<String> source) throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(root, 12)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> f.matches("[a-z-]+/src/main/java/.*"))
                    .filter(path)
                    .filter(f -> source.test(read(root.resolve(f))))
                    .sorted().toList();
        }
    }

    /** The string literals and text blocks of a source, quotes included (comments and char literals left out). */
    private static Stream<String> stringLiterals(String source) {
        return LITERAL.matcher(source).results().map(java.util.regex.MatchResult::group)
                .filter(token -> token.startsWith("\""));
    }

    private static String read(Path source) {
        try {
            return Files.readString(source, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
        List<String> offenders = mainSources(f -> !f.equals(EVENT_TABLE) && !NOT_QUERIES.contains(f),
                ArchitectureTest::namesAnEventTable);
        org.assertj.core.api.Assertions.assertThat(offenders)
                .as("main sources whose string literals name domainevententry, snapshotevententry or tokenentry")
                .isEmpty();
        org.assertj.core.api.Assertions.assertThat(namesAnEventTable(read(Path.of("..").toAbsolutePath().normalize().resolve(EVENT_TABLE)))).isTrue();
    }

    /** A comment, char literal, text block or string literal: only the last two are looked into. */
    private static final Pattern LITERAL = Pattern.compile(
            "//[^\\n]*|/\\*(?s:.*?)\\*/|'(?:[^'\\\\\\n]|\\\\.)*'|\"\"\"(?s:.*?)\"\"\"|\"(?:[^\"\\\\\\n]|\\\\.)*\"");

    private static boolean catchAll(String source) {
        return stringLiterals(source).anyMatch(literal -> CATCH_ALL.matcher(literal).find());
    }

    private static boolean namesAnEventTable(String source) {
        return stringLiterals(source).anyMatch(literal -> EVENT_TABLES.matcher(literal.toLowerCase(Locale.ROOT)).find());
    }
}
