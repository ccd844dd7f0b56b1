package io.seire.command.access;

import static io.seire.command.project.Fixtures.ADMIN;
import static io.seire.command.project.Fixtures.FINANCE;
import static io.seire.command.project.Fixtures.as;
import static io.seire.command.project.Fixtures.violates;

import io.seire.kernel.Recorded;
import io.seire.kernel.access.Actor;
import io.seire.kernel.access.ChangePassword;
import io.seire.kernel.access.ChangeUserAccess;
import io.seire.kernel.access.DisableUser;
import io.seire.kernel.access.EnableUser;
import io.seire.kernel.access.ResetPassword;
import io.seire.kernel.access.Role;
import io.seire.kernel.access.UserAccessChanged;
import io.seire.kernel.access.UserDisabled;
import io.seire.kernel.access.UserEnabled;
import io.seire.kernel.access.UserPasswordChanged;
import io.seire.kernel.access.UserPasswordReset;
import io.seire.kernel.access.UserRegistered;
import java.util.Set;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules of a user account's life, each named, as given / when / expect. */
class UserAccountRulesTest {

    static final String KAJA = "kaja";
    static final Actor KAJA_HERSELF = new Actor(KAJA, Set.of(Role.FINANCE), Set.of(), Set.of());
    static final UserRegistered REGISTERED = new UserRegistered(KAJA, "$2a$10$old", Set.of(Role.FINANCE), Set.of("P"),
            Set.of());

    private AggregateTestFixture<UserAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UserAccount.class);
        // as the command side routes them (ADR 0020): every user's events in the stream user/<name>
        fixture.registerCommandTargetResolver(command -> new VersionedAggregateIdentifier(
                UserAccount.stream(((io.seire.kernel.access.UserCommand) command.getPayload()).username()), null));
    }

    @Test
    void an_administrator_disables_a_user_with_a_reason() {
        fixture.given(REGISTERED)
                .when(new DisableUser(KAJA, "Left the beneficiary"), as(ADMIN))
                .expectEvents(new UserDisabled(KAJA, "Left the beneficiary"))
                .expectResultMessagePayload(new Recorded(KAJA, 1));
    }

    @Test
    void role_allows_write_only_administrators_disable_enable_change_access_and_reset() {
        fixture.given(REGISTERED).when(new DisableUser(KAJA, "x"), as(FINANCE))
                .expectNoEvents().expectException(violates("role-allows-write"));
        fixture.given(REGISTERED, new UserDisabled(KAJA, "x")).when(new EnableUser(KAJA, "x"), as(FINANCE))
                .expectNoEvents().expectException(violates("role-allows-write"));
        fixture.given(REGISTERED).when(new ChangeUserAccess(KAJA, Set.of(Role.ADMIN), Set.of(), Set.of(), null),
                        as(KAJA_HERSELF))
                .expectNoEvents().expectException(violates("role-allows-write"));
        fixture.given(REGISTERED).when(new ResetPassword(KAJA, "$2a$10$new"), as(KAJA_HERSELF))
                .expectNoEvents().expectException(violates("role-allows-write"));
    }

    @Test
    void not_disable_yourself() {
        fixture.given(new UserRegistered("admin", "$2a$10$a", Set.of(Role.ADMIN), Set.of(), Set.of()))
                .when(new DisableUser("admin", "by mistake"), as(ADMIN))
                .expectNoEvents().expectException(violates("not-disable-yourself"));
    }

    @Test
    void disable_an_enabled_user_and_enable_a_disabled_one() {
        fixture.given(REGISTERED, new UserDisabled(KAJA, "x")).when(new DisableUser(KAJA, "again"), as(ADMIN))
                .expectNoEvents().expectException(violates("disable-an-enabled-user"));
        fixture.given(REGISTERED).when(new EnableUser(KAJA, "why"), as(ADMIN))
                .expectNoEvents().expectException(violates("enable-a-disabled-user"));
        fixture.given(REGISTERED, new UserDisabled(KAJA, "x")).when(new EnableUser(KAJA, "Back"), as(ADMIN))
                .expectEvents(new UserEnabled(KAJA, "Back"));
    }

    @Test
    void roles_and_memberships_are_replaced_as_a_whole() {
        fixture.given(REGISTERED)
                .when(new ChangeUserAccess(KAJA, Set.of(Role.MANAGER, Role.FINANCE), Set.of("P", "Q"), Set.of(),
                        "Now manages Q"), as(ADMIN))
                .expectEvents(new UserAccessChanged(KAJA, Set.of(Role.MANAGER, Role.FINANCE), Set.of("P", "Q"),
                        Set.of(), "Now manages Q"));
    }

    @Test
    void user_has_role() {
        fixture.given(REGISTERED).when(new ChangeUserAccess(KAJA, Set.of(), Set.of(), Set.of(), null), as(ADMIN))
                .expectNoEvents().expectException(violates("user-has-role"));
    }

    @Test
    void keep_your_own_admin_role() {
        fixture.given(new UserRegistered("admin", "$2a$10$a", Set.of(Role.ADMIN), Set.of(), Set.of()))
                .when(new ChangeUserAccess("admin", Set.of(Role.LIAISON), Set.of(), Set.of(), null), as(ADMIN))
                .expectNoEvents().expectException(violates("keep-your-own-admin-role"));
    }

    @Test
    void a_user_changes_their_own_password_after_confirming_the_current_one() {
        fixture.given(REGISTERED).when(new ChangePassword(KAJA, "$2a$10$new", true), as(KAJA_HERSELF))
                .expectEvents(new UserPasswordChanged(KAJA, "$2a$10$new"));
    }

    @Test
    void password_changed_by_its_user() {
        fixture.given(REGISTERED).when(new ChangePassword(KAJA, "$2a$10$new", true), as(ADMIN))
                .expectNoEvents().expectException(violates("password-changed-by-its-user"));
    }

    @Test
    void current_password_confirmed() {
        fixture.given(REGISTERED).when(new ChangePassword(KAJA, "$2a$10$new", false), as(KAJA_HERSELF))
                .expectNoEvents().expectException(violates("current-password-confirmed"));
    }

    @Test
    void new_password_differs() {
        fixture.given(REGISTERED, new UserPasswordReset(KAJA, "$2a$10$reset"))
                .when(new ChangePassword(KAJA, "$2a$10$reset", true), as(KAJA_HERSELF))
                .expectNoEvents().expectException(violates("new-password-differs"));
    }

    @Test
    void an_administrator_resets_a_password() {
        fixture.given(REGISTERED).when(new ResetPassword(KAJA, "$2a$10$new"), as(ADMIN))
                .expectEvents(new UserPasswordReset(KAJA, "$2a$10$new"));
    }

    @Test
    void changes_to_a_user_that_does_not_exist_record_nothing() {
        fixture.givenNoPriorActivity().when(new DisableUser("nobody", "x"), as(ADMIN))
                .expectNoEvents().expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
    }
}
