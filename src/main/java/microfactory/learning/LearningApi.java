package microfactory.learning;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import microfactory.common.InvalidInputException;
import microfactory.members.MemberPrincipal;
import microfactory.merit.Badge;
import microfactory.merit.IssuedBadge;
import microfactory.merit.MeritService;

/** Learning, badges and gates in JSON. Questions are public; their answers never leave the server. */
@RestController
class LearningApi {

    private final LearningService learning;
    private final FrameworkImport frameworks;
    private final MeritService merit;

    private final List<GatedWork> gatedWork;

    LearningApi(LearningService learning, FrameworkImport frameworks, MeritService merit, List<GatedWork> gatedWork) {
        this.frameworks = frameworks;
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

    @PostMapping("/api/v1/learning/tracks")
    ResponseEntity<Track> addTrack(@RequestBody Track track) {
        Track t = learning.addTrack(track);
        return ResponseEntity.created(URI.create("/api/v1/learning/tracks/" + t.code())).body(t);
    }

    @GetMapping("/api/v1/learning/tracks/{code}")
    Track track(@PathVariable String code) {
        return learning.track(code);
    }

    @PutMapping("/api/v1/learning/tracks/{code}")
    Track updateTrack(@PathVariable String code, @RequestBody Track track) {
        return learning.updateTrack(code, track);
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
    ResponseEntity<Module> create(@RequestBody ModuleDraft draft) {
        Module m = learning.saveModule(draft, true);
        return ResponseEntity.created(URI.create("/api/v1/learning/modules/" + m.code())).body(m);
    }

    @PutMapping("/api/v1/learning/modules/{code}")
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
    ResponseEntity<FrameworkImport.Imported> importSkills(@RequestBody String csv) {
        return ResponseEntity.status(201).body(frameworks.importFramework("upload.csv", csv));
    }

    /** What this mentor may sign: learners who passed a practical module's theory, and trainees from builds. */
    record SignOffQueue(List<LearningService.SignOff> modules, List<WorkSignOff> builds) {
    }

    record ModuleSignOff(Long learner, String module) {
    }

    @GetMapping("/api/v1/learning/sign-offs")
    SignOffQueue signOffs(@AuthenticationPrincipal MemberPrincipal me) {
        return new SignOffQueue(learning.signOffQueue(me.memberId()), learning.workSignOffQueue(me.memberId()));
    }

    /** Signs off a learner's practical module: its badge is issued. */
    @PostMapping("/api/v1/learning/sign-offs/modules")
    ResponseEntity<Void> signModule(@AuthenticationPrincipal MemberPrincipal me, @RequestBody ModuleSignOff s) {
        if (s.learner() == null || s.module() == null) {
            throw InvalidInputException.of("learner", "name the learner (their member id) and the module (its code)");
        }
        learning.signOff(me.memberId(), s.learner(), s.module());
        return ResponseEntity.noContent().build();
    }

    /** Signs a build sign-off request (from the queue's "builds"). */
    @PostMapping("/api/v1/learning/sign-offs/{id}")
    ResponseEntity<Void> signWork(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
        learning.signWork(me.memberId(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/badges/issued")
    List<IssuedBadge> issued(@RequestParam(defaultValue = "100") int limit) {
        return merit.issued(Math.max(1, Math.min(limit, 1000)));
    }

    /** A member's badge with its Open Badges credential (id and URL to download), when it has one. */
    record MyBadge(Badge badge, String credential, String url) {
    }

    @GetMapping("/api/v1/members/me/badges")
    List<MyBadge> mine(@AuthenticationPrincipal MemberPrincipal me) {
        List<Badge> badges = merit.badgesOf(me.memberId());
        Map<Long, String> credentials = merit.credentialsOf(badges);
        return badges.stream().map(b -> {
            String id = credentials.get(b.id());
            return new MyBadge(b, id, id == null ? null : "/badges/credentials/" + id + "?format=json");
        }).toList();
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
