package io.seire.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaNamesTest {

    @Test
    void a_class_no_other_shares_its_simple_name_with_keeps_it() {
        Map<String, String> names = SchemaNames.assign(List.of("io.seire.command.workplans.WorkPlansController$WorkPlanDecisionRequest",
                "io.seire.query.read.Horizon"));
        assertThat(names).containsValues("WorkPlanDecisionRequest", "Horizon");
    }

    @Test
    void classes_sharing_a_simple_name_take_their_enclosing_class_without_its_controller_suffix() {
        Map<String, String> names = SchemaNames.assign(List.of("io.seire.command.finance.FinanceController$CorrectionRequest",
                "io.seire.command.results.ResultsController$CorrectionRequest"));
        assertThat(names.get("io.seire.command.finance.FinanceController$CorrectionRequest")).isEqualTo("FinanceCorrectionRequest");
        assertThat(names.get("io.seire.command.results.ResultsController$CorrectionRequest")).isEqualTo("ResultsCorrectionRequest");
    }

    @Test
    void a_longer_name_that_meets_an_existing_one_grows_again_and_the_existing_one_stays() {
        Map<String, String> names = SchemaNames.assign(List.of("io.seire.query.finance.BudgetExecution$View",
                "io.seire.query.progress.ProgressView$View", "io.seire.query.programme.ProgrammeRollUps$BudgetExecutionView"));
        assertThat(names.get("io.seire.query.programme.ProgrammeRollUps$BudgetExecutionView")).isEqualTo("BudgetExecutionView");
        assertThat(names.get("io.seire.query.finance.BudgetExecution$View")).isEqualTo("FinanceBudgetExecutionView");
        assertThat(names.get("io.seire.query.progress.ProgressView$View")).isEqualTo("ProgressViewView");
    }

    @Test
    void top_level_classes_of_one_simple_name_take_their_package_and_then_their_whole_name() {
        Map<String, String> names = SchemaNames.assign(List.of("io.seire.command.access.Users", "io.seire.query.access.Users"));
        assertThat(names.values()).containsExactlyInAnyOrder("io_seire_command_access_Users", "io_seire_query_access_Users");
        assertThat(SchemaNames.assign(List.of("io.seire.command.access.Users", "io.seire.query.audit.Users")).values())
                .containsExactlyInAnyOrder("AccessUsers", "AuditUsers");
    }
}
