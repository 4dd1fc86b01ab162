package microfactory.production;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import microfactory.common.ChapterSettings;
import microfactory.common.ConflictException;
import microfactory.common.FieldProblem;
import microfactory.common.ForbiddenException;
import microfactory.common.InvalidInputException;
import microfactory.common.Money;
import microfactory.common.NotFoundException;
import microfactory.learning.Gate;
import microfactory.learning.LearningService;
import microfactory.members.MemberPrincipal;
import microfactory.web.FieldErrors;

/** Runs anyone can see; members join or leave; stewards schedule; a Gantt chart per bay. */
@Controller
class ProductionPages {

    private final ProductionService production;
    private final LearningService learning;
    private final SchedulingJobs jobs;
    private final UnitRecords units;
    private final RunCalendar calendar;
    private final ChapterSettings chapter;
    private final Clock clock;

    private final UnitQualityControl quality;
    private final UnitLifetime lifetime;

    ProductionPages(ProductionService production, LearningService learning,
                    SchedulingJobs jobs, UnitRecords units, RunCalendar calendar, ChapterSettings chapter, Clock clock,
                    UnitQualityControl quality, UnitLifetime lifetime) {
        this.lifetime = lifetime;
        this.quality = quality;
        this.chapter = chapter;
        this.clock = clock;
        this.jobs = jobs;
        this.units = units;
        this.calendar = calendar;
        this.learning = learning;
        this.production = production;
    }

    @GetMapping("/production")
    String runs(Model model) {
        model.addAttribute("runs", production.runs());
        return "production/runs";
    }

    /** The member's runs as an iCalendar feed for their phone. */
    @GetMapping(value = "/production/my-runs.ics", produces = "text/calendar")
    @ResponseBody
    ResponseEntity<String> calendar(@AuthenticationPrincipal MemberPrincipal me) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/calendar; charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"my-runs.ics\"")
                .body(calendar.calendar(me.memberId()));
    }

    @GetMapping("/production/my-tasks")
    String myTasks(@AuthenticationPrincipal MemberPrincipal me, Model model) {
        model.addAttribute("tasks", production.tasksOf(me.memberId(), me.publicId()));
        model.addAttribute("today", chapter.today(clock));
        return "production/my-tasks";
    }

    @GetMapping("/production/runs/{id}")
    String run(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me, Model model) {
        // The solve's state first: once it says done, its schedule is committed, so the page below shows it.
        var solving = jobs.progress(id).filter(SolveProgress::running).orElse(null);
        model.addAttribute("solving", solving);
        jobs.takeFinished(id).ifPresent(done -> model.addAttribute(done.failed() ? "problem" : "notice", done.outcome()));
        Run run = production.run(id);
        List<Signup> signups = production.signups(id);
        model.addAttribute("run", run);
        model.addAttribute("signups", signups);
        List<RunTask> tasks = production.schedule(id);
        RunDashboard dashboard = production.dashboard(id);
        String myId = me == null ? "" : me.publicId();
        // Names are for members of the chapter; a visitor sees pseudonyms.
        Map<String, String> names = me == null ? Map.of() : PeopleNames.of(signups);
        model.addAttribute("names", names);
        model.addAttribute("tasks", tasks);
        model.addAttribute("byBay", GanttChart.byBay(run, tasks, dashboard, myId));
        model.addAttribute("byPerson", GanttChart.byPerson(run, tasks, dashboard, names, myId));
        model.addAttribute("crewSkills", production.crewSkills(run));
        model.addAttribute("mine", me == null ? null : signups.stream().filter(s -> s.memberId() == me.memberId()
                && s.status() != SignupStatus.WITHDRAWN).findFirst().orElse(null));
        model.addAttribute("qualified", me != null && production.qualifiesForCrew(run, me.memberId()));
        model.addAttribute("myId", myId);
        model.addAttribute("units", production.units(id));
        model.addAttribute("materials", production.materials(id));
        model.addAttribute("dashboard", dashboard);
        List<Seat> seats = production.seats(id);
        model.addAttribute("seats", seats);
        model.addAttribute("generalSeats", production.generalSeats(run));
        Map<Long, Gate> gates = new HashMap<>();
        if (me != null) {
            seats.forEach(seat -> gates.put(seat.id(), learning.gate(me.memberId(), seat.skill(), seat.level())));
        }
        model.addAttribute("gates", gates);
        return "production/run";
    }

    @PostMapping("/production/runs/{id}/signup")
    String signUp(@PathVariable long id, @RequestParam SignupRole role, @RequestParam(required = false) Long seat,
                  @AuthenticationPrincipal MemberPrincipal me, RedirectAttributes flash) {
        try {
            Signup s = production.signUp(id, me.memberId(), role, seat);
            boolean trainee = role == SignupRole.TRAINEE;
            String overlap = production.overlapping(id, me.memberId()).stream()
                    .map(r -> "build #" + r.id() + " (" + r.designSlug() + ", from " + r.startsOn() + ")")
                    .collect(Collectors.joining(", "));
            flash.addFlashAttribute("notice", (s.status() == SignupStatus.CONFIRMED
                    ? (trainee ? "You have a trainee seat." : "You are on the crew.")
                    : (trainee ? "The trainee seats are taken: you are on their waitlist." : "The crew is full: you are on its waitlist."))
                    + (overlap.isEmpty() ? "" : " Mind: its days overlap your " + overlap + "."));
        } catch (ConflictException | InvalidInputException e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/production/runs/" + id;
    }

    @PostMapping("/production/runs/{id}/withdraw")
    String withdraw(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me, RedirectAttributes flash) {
        try {
            production.withdraw(id, me.memberId());
            flash.addFlashAttribute("notice", "You left the run.");
        } catch (ConflictException e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/production/runs/" + id;
    }

    @PostMapping("/production/runs/{id}/tasks/{key}/start")
    String start(@PathVariable long id, @PathVariable String key, @AuthenticationPrincipal MemberPrincipal me, RedirectAttributes flash) {
        try {
            flash.addFlashAttribute("notice", "Started: " + production.startTask(id, key, me.publicId()).name() + ".");
        } catch (ConflictException e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/production/runs/" + id + "#my-day";
    }

    /** The checklist comes as check0..checkN = pass|fail, in the order of the task's checklist. */
    @PostMapping("/production/runs/{id}/tasks/{key}/done")
    String done(@PathVariable long id, @PathVariable String key, @RequestParam Map<String, String> form,
                @AuthenticationPrincipal MemberPrincipal me, RedirectAttributes flash) {
        try {
            RunTask t = production.schedule(id).stream().filter(x -> x.key().equals(key)).findFirst()
                    .orElseThrow(() -> new NotFoundException("task", key));
            Map<String, Boolean> checks = new HashMap<>();
            for (int k = 0; k < t.checklist().size(); k++) {
                String v = form.get("check" + k);
                if (v != null) {
                    checks.put(t.checklist().get(k), v.equals("pass"));
                }
            }
            RunTask after = production.finishTask(id, key, me.publicId(), me.memberId(), checks, form.get("note"));
            flash.addFlashAttribute(after.status() == TaskStatus.DONE ? "notice" : "problem", after.status() == TaskStatus.DONE
                    ? "Done: " + after.name() + "." : "A check failed: " + after.name() + " blocks what follows until it passes.");
        } catch (ConflictException | InvalidInputException e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/production/runs/" + id + "#my-day";
    }

    @PostMapping("/production/runs/{id}/tasks/{key}/delay")
    String delay(@PathVariable long id, @PathVariable String key, @RequestParam(required = false) Integer minutes,
                 @RequestParam(required = false) String reason, @AuthenticationPrincipal MemberPrincipal me, RedirectAttributes flash) {
        try {
            RunEvent e = production.reportDelay(id, key, me.publicId(),
                    me.isSteward(), minutes, reason);
            flash.addFlashAttribute("notice", "Replanned: " + e.message() + ".");
        } catch (ConflictException | InvalidInputException e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/production/runs/" + id + "#dashboard";
    }

    @GetMapping("/production/new")
    String newRun(Model model) {
        return planPage(model, RunForm.blank(chapter.currency(), chapter.today(clock)), FieldErrors.NONE);
    }

    private String planPage(Model model, RunForm form, FieldErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("designs", production.buildableDesigns());
        model.addAttribute("bays", production.bays());
        return "production/plan";
    }

    /** Problems from the service name fields as the API does (roles[0].skill, feeMinor); the form shows them by its own. */
    @PostMapping("/production/new")
    String plan(RunForm form, Model model, HttpServletResponse response, RedirectAttributes flash) {
        List<FieldProblem> problems = new ArrayList<>();
        RunRequest request = form.toRequest(problems);
        try {
            Run run = production.create(request, problems);
            flash.addFlashAttribute("notice", run.status() == RunStatus.DRAFT ? "Saved as a draft: open it for sign-up when ready."
                    : "The run is open for sign-up.");
            shortages(run.id(), flash);
            return "redirect:/production/runs/" + run.id();
        } catch (InvalidInputException e) {
            response.setStatus(422);
            List<FieldProblem> shown = e.problems().stream().map(p -> new FieldProblem(
                    p.field().startsWith("roles") ? "roles" : p.field().startsWith("fee") ? "fee" : p.field(), p.message())).toList();
            return planPage(model, form, FieldErrors.of(new InvalidInputException(shown)));
        }
    }

    /** Named as the run is planned or opened, so materials are ordered before the build starts. */
    private void shortages(long runId, RedirectAttributes flash) {
        List<String> shortages = production.materials(runId).shortages();
        if (!shortages.isEmpty()) {
            flash.addFlashAttribute("problem", "Stock is short for this build — " + String.join("; ", shortages)
                    + ". Receive it at /materials before the build starts.");
        }
    }

    @PostMapping("/production/runs/{id}/open")
    String open(@PathVariable long id, RedirectAttributes flash) {
        try {
            production.open(id);
            flash.addFlashAttribute("notice", "Open for sign-up.");
            shortages(id, flash);
        } catch (ConflictException e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/production/runs/" + id;
    }

    @PostMapping("/production/runs/{id}/cancel")
    String cancel(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        try {
            production.cancel(id, reason);
            flash.addFlashAttribute("notice", "The run is cancelled; pending fees are voided.");
        } catch (ConflictException | InvalidInputException e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/production/runs/" + id;
    }

    @PostMapping("/production/runs/{id}/signups/{signup}/confirm")
    String confirm(@PathVariable long id, @PathVariable long signup, RedirectAttributes flash) {
        try {
            flash.addFlashAttribute("notice", "Confirmed: " + production.confirm(id, signup).name() + ".");
        } catch (ConflictException e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/production/runs/" + id;
    }

    @GetMapping("/production/units/{serial}")
    String unit(@PathVariable String serial, @AuthenticationPrincipal MemberPrincipal me, Model model) {
        model.addAttribute("record", units.unitRecord(serial));
        model.addAttribute("currency", chapter.currency());
        model.addAttribute("machine", units.servesAs(serial).orElse(null));
        model.addAttribute("requests", lifetime.requestsOf(serial));
        var record = units.unitRecord(serial);
        model.addAttribute("mine", me != null && record.unit().ownerId() != null && record.unit().ownerId() == me.memberId());
        model.addAttribute("ended", record.lifetime().stream().anyMatch(e -> e.kind() == LifetimeKind.END_OF_LIFE));
        return "production/unit";
    }

    /** The final inspection from the unit's page (holders of the quality badge). */
    @PostMapping("/production/units/{serial}/inspection")
    String inspect(@PathVariable String serial, @RequestParam(required = false) Boolean passed, @RequestParam(required = false) String note,
                   @AuthenticationPrincipal MemberPrincipal me, RedirectAttributes flash) {
        try {
            UnitQuality q = quality.inspect(serial, me.memberId(), passed, note);
            flash.addFlashAttribute("notice", "Final inspection signed: the unit " + (q.status() == QcStatus.PASSED ? "passes" : "does not pass")
                    + " quality control.");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("problem", "Not signed: " + e.problems().get(0).message() + ".");
        } catch (ForbiddenException | ConflictException e) {
            flash.addFlashAttribute("problem", "Not signed: " + e.getMessage());
        }
        return "redirect:/production/units/" + serial + "#quality";
    }

    /** Quality control of every unit built of a design. */
    @GetMapping("/production/quality/{design}")
    String designQuality(@PathVariable String design, Model model) {
        model.addAttribute("quality", quality.ofDesign(design));
        return "production/quality";
    }

    /** A steward offers the unit in the showroom at a price typed in major units; empty takes it off. */
    @PostMapping("/production/units/{serial}/offer")
    String offer(@PathVariable String serial, @RequestParam(required = false) String price, RedirectAttributes flash) {
        try {
            Long minor = null;
            if (price != null && !price.isBlank()) {
                minor = Money.parseMinor(price, chapter.currency()).orElseThrow(() -> InvalidInputException.of("price",
                        "type the price in " + chapter.currency() + ", such as 18500 or 18,500.00"));
            }
            units.offer(serial, minor);
            flash.addFlashAttribute("notice", minor == null ? "Taken out of the showroom."
                    : "In the showroom at " + Money.of(minor, chapter.currency()).formatted() + ".");
        } catch (ConflictException | InvalidInputException e) {
            flash.addFlashAttribute("problem", e instanceof InvalidInputException i ? i.problems().get(0).message() : e.getMessage());
        }
        return "redirect:/production/units/" + serial;
    }

    /** The showroom: the chapter's units for sale, with their prices. */
    @GetMapping("/production/showroom")
    String showroom(Model model) {
        model.addAttribute("units", units.showroom());
        model.addAttribute("currency", chapter.currency());
        return "production/showroom";
    }

    @PostMapping("/production/units/{serial}/owner")
    String owner(@PathVariable String serial, @RequestParam(required = false) String member, RedirectAttributes flash) {
        try {
            flash.addFlashAttribute("notice", "Owner recorded: " + units.assignOwner(serial, member).owner() + ".");
        } catch (ConflictException | InvalidInputException e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/production/units/" + serial;
    }

    /** Starts scheduling in the background; the run page shows the solver's progress until it is done. */
    @PostMapping("/production/runs/{id}/schedule")
    String schedule(@PathVariable long id, RedirectAttributes flash) {
        try {
            jobs.start(id);
        } catch (ConflictException e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/production/runs/" + id;
    }

    /** The progress fragment the run page polls (htmx) while a schedule is being found; when done, the page reloads. */
    @GetMapping("/production/runs/{id}/solving")
    String solving(@PathVariable long id, Model model, HttpServletResponse response) {
        var progress = jobs.progress(id).orElse(null);
        if (progress == null || !progress.running()) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("run", production.run(id));
        model.addAttribute("progress", progress);
        return "production/solving";
    }
}
