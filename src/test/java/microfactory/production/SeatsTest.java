package microfactory.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import microfactory.common.ConflictException;
import microfactory.common.InvalidInputException;
import microfactory.members.Member;
import microfactory.members.MemberService;
import microfactory.members.SignUp;
import microfactory.merit.MeritService;
import microfactory.support.DatabaseTest;
import microfactory.support.Http;

/** Seats by role: a skill at a level for part of the crew, each with its own places and waitlist. */
@DatabaseTest
class SeatsTest {

    @Autowired ProductionService production;
    @Autowired MemberService members;
    @Autowired MeritService merit;
    @LocalServerPort int port;

    Member framer(int woodworkingLevel) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        Member m = members.signUp(new SignUp("seat-" + id + "@example.org", "Seat " + id, "many hands build", "", null));
        merit.issue(m.id(), "woodworking", woodworkingLevel, "test");
        return m;
    }

    Run runWithALeadFramerSeat() {
        return production.create(new RunRequest("wall-module-4x8", 1, LocalDate.now().plusDays(60), 1, 480, 1020, 3, 0,
                List.of(new RunRequest.Role("woodworking", 2, 1))));
    }

    @Test
    void aRoleSeatNeedsItsBadgeHasItsOwnPlacesAndItsOwnWaitlist() {
        Run run = runWithALeadFramerSeat();
        Seat seat = production.seats(run.id()).get(0);
        assertThat(seat.label()).isEqualTo("woodworking ≥ 2");
        assertThat(production.generalSeats(run)).isEqualTo(2);

        Member novice = framer(1);
        assertThatThrownBy(() -> production.signUp(run.id(), novice.id(), SignupRole.CREW, seat.id())).isInstanceOf(ConflictException.class)
            .hasMessageContaining("needs the woodworking badge at level 2; you hold level 1");
        Member lead = framer(2);
        Member second = framer(3);
        assertThat(production.signUp(run.id(), lead.id(), SignupRole.CREW, seat.id()).status()).isEqualTo(SignupStatus.CONFIRMED);
        assertThat(production.signUp(run.id(), second.id(), SignupRole.CREW, seat.id()).status()).isEqualTo(SignupStatus.WAITLISTED);
        assertThat(production.signUp(run.id(), novice.id(), SignupRole.CREW).status()).isEqualTo(SignupStatus.CONFIRMED); // general crew has room
        assertThat(production.seats(run.id()).get(0).taken()).isEqualTo(1);

        production.withdraw(run.id(), lead.id());
        assertThat(production.signups(run.id())).filteredOn(s -> s.memberId() == second.id())
            .singleElement().satisfies(s -> {
                assertThat(s.status()).isEqualTo(SignupStatus.CONFIRMED);
                assertThat(s.seatId()).isEqualTo(seat.id());
            });
    }

    @Test
    void rolesMustBeSkillsTheDesignUsesWithinTheCrewTarget() {
        assertThatThrownBy(() -> production.create(new RunRequest("wall-module-4x8", 1, LocalDate.now().plusDays(60), 1, 480, 1020, 3, 0,
                List.of(new RunRequest.Role("welding", 2, 1), new RunRequest.Role("woodworking", 1, 5)))))
            .isInstanceOf(InvalidInputException.class)
            .satisfies(e -> assertThat(((InvalidInputException) e).problems()).extracting(p -> p.field())
                .contains("roles[0].skill", "roles"));
    }

    @Test
    void theApiListsRolesAndJoinsASeat() {
        Run run = runWithALeadFramerSeat();
        Seat seat = production.seats(run.id()).get(0);
        var anyone = new Http(port);
        assertThat(anyone.get("/api/v1/runs/" + run.id()).body()).contains("\"roles\":[{\"id\":" + seat.id())
            .contains("\"skill\":\"woodworking\"").contains("\"taken\":0");
        var member = new Http(port).as("member@demo.local", "demo-member");
        var refused = member.json("POST", "/api/v1/runs/" + run.id() + "/signups", "{\"role\": \"CREW\", \"seat\": " + seat.id() + "}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("woodworking badge at level 2");
        var noSuchSeat = member.json("POST", "/api/v1/runs/" + run.id() + "/signups", "{\"role\": \"CREW\", \"seat\": 999999}");
        assertThat(noSuchSeat.statusCode()).isEqualTo(400);
    }
}
