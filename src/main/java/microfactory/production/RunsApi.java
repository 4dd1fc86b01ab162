package microfactory.production;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import microfactory.common.ChapterSettings;
import microfactory.materials.RunMaterials;
import microfactory.members.MemberPrincipal;

/** Runs in JSON: the list and schedules are public (people by pseudonym); members sign up; stewards plan and schedule. */
@RestController
@RequestMapping("/api/v1/runs")
class RunsApi {

    private final ProductionService production;
    private final ChapterSettings chapter;

    RunsApi(ProductionService production, ChapterSettings chapter) {
        this.production = production;
        this.chapter = chapter;
    }

    /**
     * {@code seats}: the crew target; {@code roles}: the part of it reserved for a skill at a level; {@code shortages}:
     * materials stock lacks for it (named as it is planned and opened, empty once it has ended).
     */
    record RunJson(long id, String design, RunStatus status, Instant starts, Instant ends, int seats, long signedUp, List<Seat> roles,
                   long feeMinor, String feeCurrency, String cancelReason, List<String> bays, List<String> shortages) {
    }

    record Cancel(String reason) {
    }

    @PostMapping("/{id}/open")
    RunJson open(@PathVariable long id) {
        return json(production.open(id));
    }

    @PostMapping("/{id}/cancel")
    RunJson cancel(@PathVariable long id, @RequestBody Cancel cancel) {
        return json(production.cancel(id, cancel.reason()));
    }

    /** A steward confirms a waitlisted member (a place beyond the seats). */
    @PostMapping("/{id}/signups/{signup}/confirm")
    Signup confirm(@PathVariable long id, @PathVariable long signup) {
        return production.confirm(id, signup);
    }

    record TaskJson(String id, String name, int unit, Instant start, Instant end, String bay, List<String> people, List<String> machines,
                    List<String> predecessors) {
    }

    /** {@code seat}: a role's seat id (see the run's roles), or none for general crew and trainees. */
    record JoinRun(SignupRole role, Long seat) {
    }

    record Finish(Map<String, Boolean> checks, String note) {
    }

    @PostMapping("/{id}/tasks/{key}/start")
    RunTask start(@PathVariable long id, @PathVariable String key, @AuthenticationPrincipal MemberPrincipal me) {
        return production.startTask(id, key, me.publicId());
    }

    @PostMapping("/{id}/tasks/{key}/done")
    RunTask done(@PathVariable long id, @PathVariable String key, @RequestBody Finish f, @AuthenticationPrincipal MemberPrincipal me) {
        return production.finishTask(id, key, me.publicId(), me.memberId(), f.checks(), f.note());
    }

    record Late(Integer minutes, String reason) {
    }

    /** The crew of a task (or a steward) say it will take longer: the build is replanned around it. */
    @PostMapping("/{id}/tasks/{key}/delay")
    RunEvent delay(@PathVariable long id, @PathVariable String key, @RequestBody Late late, @AuthenticationPrincipal MemberPrincipal me) {
        return production.reportDelay(id, key, me.publicId(), me.isSteward(), late.minutes(), late.reason());
    }

    /** Progress, delays, the critical chain and the run's log (replans and why). */
    @GetMapping("/{id}/dashboard")
    RunDashboard dashboard(@PathVariable long id) {
        return production.dashboard(id);
    }

    /** Per material: needed, reserved, on hand, short; and BOM materials the catalogue lacks. */
    @GetMapping("/{id}/materials")
    RunMaterials.RunNeeds materials(@PathVariable long id) {
        return production.materials(id);
    }

    @GetMapping("/{id}/units")
    List<Unit> units(@PathVariable long id) {
        return production.units(id);
    }

    @GetMapping
    List<RunJson> runs() {
        return production.runs().stream().map(this::json).toList();
    }

    @GetMapping("/{id}")
    RunJson run(@PathVariable long id) {
        return json(production.run(id));
    }

    @GetMapping("/{id}/schedule")
    Map<String, List<TaskJson>> schedule(@PathVariable long id) {
        Run run = production.run(id);
        return Map.of("tasks", production.schedule(id).stream().map(t -> new TaskJson(t.unit() + "-" + t.code(), t.name(), t.unit(),
                run.at(t.startMinute(), chapter.zone()), run.at(t.endMinute(), chapter.zone()), t.bay(), t.people(), t.machines(),
                t.predecessors().stream().map(p -> t.unit() + "-" + p).toList())).toList());
    }

    @PostMapping
    ResponseEntity<RunJson> create(@RequestBody RunRequest request) {
        Run run = production.create(request);
        return ResponseEntity.created(URI.create("/api/v1/runs/" + run.id())).body(json(run));
    }

    @PostMapping("/{id}/signups")
    ResponseEntity<Signup> signUp(@PathVariable long id, @RequestBody JoinRun join, @AuthenticationPrincipal MemberPrincipal me) {
        return ResponseEntity.status(201).body(production.signUp(id, me.memberId(), join.role() == null ? SignupRole.CREW : join.role(), join.seat()));
    }

    @DeleteMapping("/{id}/signups/me")
    ResponseEntity<Void> withdraw(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me) {
        production.withdraw(id, me.memberId());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/schedule")
    Map<String, Object> schedule(@PathVariable long id, @RequestBody(required = false) Map<String, Object> options) {
        long millis = options != null && options.get("seconds") instanceof Number n ? Math.min(30_000, Math.max(100, n.longValue() * 1000)) : 3_000;
        var r = production.schedule(id, millis);
        return Map.of("makespanMinutes", r.makespan(), "lowerBound", r.lowerBound(), "gapPercent", r.gapPercent(),
                "trainingPairs", r.trainingPairs(), "tasks", production.schedule(id).size());
    }

    private RunJson json(Run r) {
        long signed = production.signups(r.id()).stream().filter(s -> s.role() == SignupRole.CREW && s.status() == SignupStatus.CONFIRMED).count();
        return new RunJson(r.id(), r.designSlug(), r.status(), r.starts(chapter.zone()), r.ends(chapter.zone()), r.crewTarget(), signed, production.seats(r.id()),
                r.feeMinor(), r.feeCurrency(), r.cancelReason(), r.bays(), production.materials(r.id()).shortages());
    }
}
