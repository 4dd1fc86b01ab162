package microfactory.production;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import microfactory.common.DemoData;
import microfactory.members.MemberService;
import microfactory.members.MemberSummary;

/** An open tractor swarm build a visitor can join: 3 units in 5 days, a crew of 24 and 6 trainees, already scheduled. */
@Component
class ProductionDemo implements DemoData {

    private final ProductionService production;
    private final MemberService members;
    private final Clock clock;

    ProductionDemo(ProductionService production, MemberService members, Clock clock) {
        this.production = production;
        this.members = members;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 50; // after designs, machines and badges
    }

    @Override
    public void load() {
        Run run = production.create(new RunRequest("lifetrac", 3, LocalDate.now(clock).plusDays(14), 5, 480, 1020, 24, 6));
        int trainees = 0;
        for (MemberSummary s : members.search(null, true, 0)) {
            if (s.member().email().equals("member@demo.local")) {
                continue; // leave the demo member free to join
            }
            if (production.qualifiesForCrew(run, s.member().id())) {
                production.signUp(run.id(), s.member().id(), "CREW");
            } else if (trainees++ < 3) {
                production.signUp(run.id(), s.member().id(), "TRAINEE");
            }
        }
        production.schedule(run.id(), 1_000);
    }
}
