package microfactory.learning;

import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import microfactory.members.MemberPrincipal;
import microfactory.merit.Badge;
import microfactory.merit.IssuedBadge;
import microfactory.merit.MeritService;

/** Learning, badges and gates in JSON. Questions are public; their answers never leave the server. */
@RestController
class LearningApi {

    private final LearningService learning;
    private final MeritService merit;

    private final List<GatedWork> gatedWork;

    LearningApi(LearningService learning, MeritService merit, List<GatedWork> gatedWork) {
        this.gatedWork = gatedWork;
        this.learning = learning;
        this.merit = merit;
    }

    record QuestionJson(long id, String kind, String prompt, List<String> choices) {
    }

    record Submission(String token, Map<Long, String> answers) {
    }

    record Revocation(String reason) {
    }

    @GetMapping("/api/v1/learning/tracks")
    List<Track> tracks() {
        return learning.tracks();
    }

    @GetMapping("/api/v1/learning/modules")
    List<Module> modules() {
        return learning.modules();
    }

    @GetMapping("/api/v1/learning/modules/{code}/questions")
    List<QuestionJson> questions(@PathVariable String code) {
        return learning.questions(code).stream().map(q -> new QuestionJson(q.id(), q.kind(), q.prompt(),
                q.kind().equals("CHOICE") ? q.choices() : List.of())).toList();
    }

    @PostMapping("/api/v1/learning/modules/{code}/attempts")
    Attempt attempt(@PathVariable String code, @RequestBody Submission s, @AuthenticationPrincipal MemberPrincipal me) {
        return learning.submit(me.memberId(), code, s.answers() == null ? Map.of() : s.answers(), s.token());
    }

    @PostMapping("/api/v1/learning/modules")
    org.springframework.http.ResponseEntity<Module> create(@RequestBody ModuleDraft draft) {
        Module m = learning.saveModule(draft, true);
        return org.springframework.http.ResponseEntity.created(java.net.URI.create("/api/v1/learning/modules/" + m.code())).body(m);
    }

    @org.springframework.web.bind.annotation.PutMapping("/api/v1/learning/modules/{code}")
    Module update(@PathVariable String code, @RequestBody ModuleDraft d) {
        return learning.saveModule(new ModuleDraft(code, d.track(), d.title(), d.skill(), d.level(), d.minutes(), d.passPercent(),
                d.practical(), d.prerequisites(), d.lesson(), d.questions()), false);
    }

    @GetMapping("/api/v1/learning/modules/{code}")
    Module module(@PathVariable String code) {
        return learning.module(code);
    }

    @GetMapping("/api/v1/learning/skills")
    List<Skill> skills() {
        return learning.skills();
    }

    /** Stewards import a Moodle competency framework (text/csv body). */
    @PostMapping(value = "/api/v1/learning/skills/import", consumes = {"text/csv", "text/plain"})
    org.springframework.http.ResponseEntity<LearningService.Imported> importSkills(@RequestBody String csv) {
        return org.springframework.http.ResponseEntity.status(201).body(learning.importFramework("upload.csv", csv));
    }

    /** Build sign-off requests this member may sign (they hold the skill above the level). */
    @GetMapping("/api/v1/learning/sign-offs")
    List<WorkSignOff> workSignOffs(@AuthenticationPrincipal MemberPrincipal me) {
        return learning.workSignOffQueue(me.memberId());
    }

    @PostMapping("/api/v1/learning/sign-offs/{id}")
    org.springframework.http.ResponseEntity<Void> signWork(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
        learning.signWork(me.memberId(), id);
        return org.springframework.http.ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/badges/issued")
    List<IssuedBadge> issued(@RequestParam(defaultValue = "100") int limit) {
        return merit.issued(Math.max(1, Math.min(limit, 1000)));
    }

    @GetMapping("/api/v1/members/me/badges")
    List<Badge> mine(@AuthenticationPrincipal MemberPrincipal me) {
        return merit.badgesOf(me.memberId());
    }

    /** Every machine (and other gated work) with whether this member may use it, and the modules that would qualify them. */
    @GetMapping("/api/v1/members/me/unlocks")
    List<Unlock> unlocks(@AuthenticationPrincipal MemberPrincipal me) {
        return learning.unlocks(me.memberId(), gatedWork);
    }

    @GetMapping("/api/v1/members/me/gates")
    Gate gate(@AuthenticationPrincipal MemberPrincipal me, @RequestParam String skill, @RequestParam int level) {
        return learning.gate(me.memberId(), skill, level);
    }

    @PostMapping("/api/v1/badges/{id}/revoke")
    Badge revoke(@PathVariable long id, @RequestBody Revocation r) {
        return merit.revoke(id, r.reason());
    }
}
