package microfactory.production;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import microfactory.members.Member;
import microfactory.members.MemberService;

/** A run's sign-ups with their people, named by the members feature (one lookup for the whole run). */
@Component
class Signups {

    private final ProductionRepository runs;
    private final MemberService members;

    Signups(ProductionRepository runs, MemberService members) {
        this.runs = runs;
        this.members = members;
    }

    List<Signup> of(long runId) {
        List<Signup> rows = runs.signupRows(runId);
        Map<Long, Member> people = members.byIds(rows.stream().map(Signup::memberId).distinct().toList());
        return rows.stream().map(s -> {
            Member m = people.get(s.memberId());
            return new Signup(s.id(), s.runId(), s.memberId(), m.displayName(), m.publicId(), s.role(), s.status(), s.seatId(),
                    s.feeTransfer());
        }).toList();
    }
}
