package microfactory.members;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Members in JSON. Stewards manage everyone; every member can read themselves at /me. */
@RestController
@RequestMapping("/api/v1/members")
class MembersApi {

    private final MemberService members;

    MembersApi(MemberService members) {
        this.members = members;
    }

    record RoleChange(@NotNull(message = "choose MEMBER, STEWARD or ADMIN") Role role) {
    }

    record JoinPlan(@NotBlank(message = "name the plan by its code") String planCode, LocalDate startsOn,
                LocalDate endsOn) {
    }

    @GetMapping
    List<MemberJson> search(@RequestParam(required = false) String q, @RequestParam(required = false) Boolean active,
                            @RequestParam(defaultValue = "0") @Min(0) int page) {
        return members.search(q, active, page).stream().map(s -> json(s.member())).toList();
    }

    @GetMapping("/me")
    MemberJson me(@AuthenticationPrincipal MemberPrincipal me) {
        return json(members.get(me.memberId()));
    }

    @GetMapping("/{id}")
    MemberJson get(@PathVariable long id) {
        return json(members.get(id));
    }

    @PostMapping
    ResponseEntity<MemberJson> add(@RequestBody SignUp request, @AuthenticationPrincipal MemberPrincipal me) {
        Member created = members.add(request, me.memberId());
        return ResponseEntity.created(URI.create("/api/v1/members/" + created.id())).body(json(created));
    }

    @PostMapping("/{id}/deactivate")
    MemberJson deactivate(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me) {
        return json(members.deactivate(id, me.memberId()));
    }

    @PostMapping("/{id}/reactivate")
    MemberJson reactivate(@PathVariable long id) {
        return json(members.reactivate(id));
    }

    @PutMapping("/{id}/role")
    MemberJson role(@PathVariable long id, @Valid @RequestBody RoleChange change,
                    @AuthenticationPrincipal MemberPrincipal me) {
        return json(members.changeRole(id, change.role(), me.memberId()));
    }

    @GetMapping("/{id}/memberships")
    List<Membership> memberships(@PathVariable long id) {
        return members.memberships(id);
    }

    @PostMapping("/{id}/memberships")
    ResponseEntity<Membership> join(@PathVariable long id, @Valid @RequestBody JoinPlan join) {
        Membership m = members.join(id, join.planCode(), join.startsOn(), join.endsOn());
        return ResponseEntity.created(URI.create("/api/v1/members/" + id + "/memberships")).body(m);
    }

    private MemberJson json(Member m) {
        return MemberJson.of(m, members.currentMembership(m.id()).orElse(null));
    }
}
