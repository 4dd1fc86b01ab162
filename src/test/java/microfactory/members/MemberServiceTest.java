package microfactory.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import microfactory.common.ConflictException;
import microfactory.common.FieldProblem;
import microfactory.common.InvalidInputException;
import microfactory.support.DatabaseTest;

@DatabaseTest
class MemberServiceTest {

    @Autowired MemberService members;
    @Autowired UserDetailsService accounts;
    @Autowired JdbcClient jdbc;

    private long memberRows() {
        return jdbc.sql("select count(*) from member").query(Long.class).single();
    }

    @Test
    void signUpCreatesAMemberOnTheChosenPlanForAYear() {
        Member m = members.signUp(new SignUp(" New.Person@Example.org ", "New Person", "a long river stone", "flat-dues", Role.ADMIN));

        assertThat(m.email()).isEqualTo("new.person@example.org");
        assertThat(m.role()).as("self sign-up never grants a higher role").isEqualTo(Role.MEMBER);
        assertThat(m.publicId()).matches("m-[a-z0-9]{10}");
        Membership current = members.currentMembership(m.id()).orElseThrow();
        assertThat(current.planCode()).isEqualTo("flat-dues");
        assertThat(current.endsOn()).isEqualTo(current.startsOn().plusYears(1).minusDays(1));
    }

    @Test
    void takenEmailIsRefusedWhateverItsCaseAndNothingIsStored() {
        long before = memberRows();
        assertThatThrownBy(() -> members.signUp(new SignUp("MEMBER@demo.local", "Copy Cat", "another fine phrase", "", null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e ->
                        assertThat(e.byField()).containsOnlyKeys("email"));
        assertThat(memberRows()).isEqualTo(before);
    }

    @Test
    void weakPasswordsAndMissingFieldsAreNamedFieldByField() {
        long before = memberRows();
        assertThatThrownBy(() -> members.signUp(new SignUp("", "", "", "no-such-plan", null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).contains("email", "displayName", "password", "planCode"));
        assertThatThrownBy(() -> members.signUp(new SignUp("weak@example.org", "Weak", "password123", "", null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e ->
                        assertThat(e.byField().get("password")).contains("common"));
        assertThatThrownBy(() -> members.signUp(new SignUp("short@example.org", "Short", "abc", "", null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e ->
                        assertThat(e.byField().get("password")).contains("at least 10"));
        assertThat(memberRows()).isEqualTo(before);
    }

    @Test
    void twoSignUpsRacingForOneEmailLeaveExactlyOneAccount() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Callable<Boolean> attempt = () -> {
                try {
                    members.signUp(new SignUp("race@example.org", "Racer", "quick brown fox jumps", "", null));
                    return true;
                } catch (InvalidInputException e) {
                    return false;
                }
            };
            results.add(pool.submit(attempt));
        }
        long won = 0;
        for (Future<Boolean> r : results) {
            won += r.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(won).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from member where email = 'race@example.org'").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aDeactivatedMemberCannotLogInAndNobodyDeactivatesThemselves() {
        Member m = members.signUp(new SignUp("leaving@example.org", "Leaving Soon", "gone fishing today", "", null));
        assertThat(accounts.loadUserByUsername("leaving@example.org").isEnabled()).isTrue();

        members.deactivate(m.id(), 1L);

        assertThat(accounts.loadUserByUsername("leaving@example.org").isEnabled()).isFalse();
        assertThat(members.get(m.id()).deactivatedAt()).isNotNull();
        assertThatThrownBy(() -> members.deactivate(1L, 1L)).isInstanceOf(ConflictException.class);
        assertThat(members.reactivate(m.id()).active()).isTrue();
    }

    @Test
    void overlappingMembershipsAreRefusedAndValueShareIsOpenEnded() {
        Member m = members.signUp(new SignUp("plans@example.org", "Plan Hopper", "hop skip and jump", "value-share", null));
        Membership current = members.currentMembership(m.id()).orElseThrow();
        assertThat(current.endsOn()).isNull();

        assertThatThrownBy(() -> members.join(m.id(), "learner", LocalDate.now().plusMonths(1), null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("Producer member");
        assertThat(members.memberships(m.id())).hasSize(1);
    }

    @Test
    void searchFindsByNameEmailOrPseudonymAndFiltersByStatus() {
        assertThat(members.search("mia", null, 0)).extracting(s -> s.member().email()).contains("member@demo.local");
        Member mia = members.findByEmail("member@demo.local").orElseThrow();
        assertThat(members.search(mia.publicId(), null, 0)).hasSize(1);
        assertThat(members.search(null, false, 0)).allMatch(s -> !s.member().active()).isNotEmpty();
    }
}
