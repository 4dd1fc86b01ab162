package microfactory.equipment;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import jakarta.servlet.http.HttpServletRequest;

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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import microfactory.common.ChapterSettings;
import microfactory.common.ConflictException;
import microfactory.common.ForbiddenException;
import microfactory.common.InvalidInputException;
import microfactory.common.NotFoundException;
import microfactory.learning.LearningService;
import microfactory.learning.QrLabel;
import microfactory.members.MemberPrincipal;
import microfactory.web.QrCodes;

/** The factory floor: bays and machines; each machine's page says whether you may use it, and what to learn if not. */
@Controller
class EquipmentPages {

    private final EquipmentService equipment;
    private final LearningService learning;
    private final MachineBookings bookings;
    private final MachineMaintenance maintenance;
    private final MachineFaults faults;
    private final MachineUse use;
    private final JobFiles jobs;
    private final MachineCalendar calendar;
    private final ChapterSettings chapter;
    private final Clock clock;

    EquipmentPages(EquipmentService equipment, LearningService learning, MachineBookings bookings, ChapterSettings chapter, Clock clock,
                   MachineMaintenance maintenance, MachineFaults faults, MachineUse use, JobFiles jobs, MachineCalendar calendar) {
        this.calendar = calendar;
        this.jobs = jobs;
        this.use = use;
        this.faults = faults;
        this.maintenance = maintenance;
        this.equipment = equipment;
        this.learning = learning;
        this.bookings = bookings;
        this.chapter = chapter;
        this.clock = clock;
    }

    @GetMapping("/equipment")
    String floor(Model model) {
        model.addAttribute("bays", equipment.bays());
        model.addAttribute("machines", equipment.machines());
        model.addAttribute("due", maintenance.due().stream().filter(MaintenanceDue::due).toList());
        model.addAttribute("uptime", faults.uptimes());
        return "equipment/floor";
    }

    @GetMapping("/equipment/machines/{code}")
    String machine(@PathVariable String code, @RequestParam(required = false) String week, @AuthenticationPrincipal MemberPrincipal me,
                   HttpServletRequest request, Model model) {
        Machine m = equipment.machine(code);
        LocalDate first = null;
        try {
            first = week == null || week.isBlank() ? null : LocalDate.parse(week.strip());
        } catch (DateTimeParseException e) {
            model.addAttribute("notice", "Showing this week: \"" + week + "\" is not a day such as 2026-12-07.");
        }
        model.addAttribute("week", calendar.week(code, first));
        model.addAttribute("jobSettings", jobs.settings(code));
        model.addAttribute("machine", m);
        model.addAttribute("gate", me == null ? null : learning.gate(me.memberId(), m.skill(), m.level()));
        model.addAttribute("qr", QrCodes.svg(base(request) + "/equipment/machines/" + code, 160));
        model.addAttribute("bookings", bookings.bookings(code, clock.instant(), clock.instant().plus(21, ChronoUnit.DAYS)));
        model.addAttribute("today", chapter.today(clock).toString());
        model.addAttribute("plans", maintenance.due().stream().filter(d -> d.plan().machine().equals(code)).toList());
        model.addAttribute("log", maintenance.log(code).stream().limit(5).toList());
        model.addAttribute("history", faults.history(code));
        return "equipment/machine";
    }

    /** A member books from the machine's page: a day and two times on the chapter's clock. */
    @PostMapping("/equipment/machines/{code}/book")
    String book(@PathVariable String code, @RequestParam(required = false) String day, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, @AuthenticationPrincipal MemberPrincipal me, RedirectAttributes flash) {
        try {
            Instant[] slot = slot(day, from, to);
            Booking b = bookings.book(me.memberId(), code, slot[0], slot[1]);
            flash.addFlashAttribute("notice", "Booked: " + day + " " + from + " to " + to + " (booking " + b.id() + ").");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("bookingProblem", e.problems().get(0).message());
        } catch (ConflictException e) {
            flash.addFlashAttribute("bookingProblem", e.getMessage());
            flash.addFlashAttribute("waitSlot", new String[] {day, from, to}); // a taken slot can be waited for
        } catch (ForbiddenException e) {
            flash.addFlashAttribute("bookingProblem", e.getMessage());
        }
        return "redirect:/equipment/machines/" + code + "#book";
    }

    /** Waits for a taken slot from the machine's page; the member is told by mail when a booking in it is cancelled. */
    @PostMapping("/equipment/machines/{code}/wait")
    String waitFor(@PathVariable String code, @RequestParam(required = false) String day, @RequestParam(required = false) String from,
                   @RequestParam(required = false) String to, @AuthenticationPrincipal MemberPrincipal me, RedirectAttributes flash) {
        try {
            Instant[] slot = slot(day, from, to);
            bookings.waitFor(me.memberId(), code, slot[0], slot[1]);
            flash.addFlashAttribute("notice", "You are on the waitlist for " + day + " " + from + " to " + to
                    + ": we mail you if a booking in it is cancelled.");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("bookingProblem", e.problems().get(0).message());
        } catch (ConflictException | ForbiddenException e) {
            flash.addFlashAttribute("bookingProblem", e.getMessage());
        }
        return "redirect:/equipment/machines/" + code + "#book";
    }

    /** A day and two times on the chapter's clock as instants. */
    private Instant[] slot(String day, String from, String to) {
        ZoneId zone = chapter.zone();
        try {
            LocalDate d = LocalDate.parse(day == null ? "" : day.strip());
            return new Instant[] {ZonedDateTime.of(d, LocalTime.parse(from == null ? "" : from.strip()), zone).toInstant(),
                    ZonedDateTime.of(d, LocalTime.parse(to == null ? "" : to.strip()), zone).toInstant()};
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of("day", "a day such as 2026-12-07 and times such as 09:00 and 11:30");
        }
    }

    /** Everything holding the machine as an iCalendar feed (public, holders by pseudonym): subscribe from a phone. */
    @GetMapping(value = "/equipment/machines/{code}/bookings.ics", produces = "text/calendar")
    @ResponseBody
    ResponseEntity<String> machineFeed(@PathVariable String code) {
        return ics(code + "-bookings.ics", calendar.feed(code));
    }

    /** The member's bookings as an iCalendar feed. */
    @GetMapping(value = "/equipment/my-bookings.ics", produces = "text/calendar")
    @ResponseBody
    ResponseEntity<String> myFeed(@AuthenticationPrincipal MemberPrincipal me) {
        return ics("my-bookings.ics", calendar.mine(me.memberId()));
    }

    private static ResponseEntity<String> ics(String file, String body) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar; charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").body(body);
    }

    @PostMapping("/equipment/machines/{code}/faults")
    String report(@PathVariable String code, @RequestParam(required = false) String summary, @RequestParam(required = false) boolean blocking,
                  @AuthenticationPrincipal MemberPrincipal me, RedirectAttributes flash) {
        try {
            Fault f = faults.report(code, me.memberId(), summary, blocking);
            flash.addFlashAttribute("notice", "Fault reported" + (f.blocking() ? ": the machine is out of service until a steward resolves it." : "."));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("notice", "Not reported: " + e.problems().get(0).message());
        }
        return "redirect:/equipment/machines/" + code + "#faults";
    }

    @PostMapping("/equipment/faults/{id}/resolve")
    String resolve(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes flash) {
        try {
            Fault f = faults.resolve(id, note);
            flash.addFlashAttribute("notice", "Fault " + id + " resolved.");
            return "redirect:/equipment/machines/" + f.machine() + "#faults";
        } catch (InvalidInputException | ConflictException e) {
            flash.addFlashAttribute("notice", e instanceof InvalidInputException i ? i.problems().get(0).message() : e.getMessage());
            return "redirect:/equipment";
        }
    }

    /** The booker starts or finishes their use from the phone: {@code step} is start or finish. */
    @PostMapping("/equipment/bookings/{id}/{step:start|finish}")
    String use(@PathVariable long id, @PathVariable String step, @AuthenticationPrincipal MemberPrincipal me, RedirectAttributes flash) {
        try {
            Booking b = "start".equals(step) ? use.start(id, me.memberId(), me.isSteward()) : use.finish(id, me.memberId(), me.isSteward());
            flash.addFlashAttribute("notice", "start".equals(step) ? "Started: the machine is yours until " + b.end() + "."
                    : "Finished." + (b.chargeTransfer() == null ? " Your plan includes machine time." : " The time is charged on the ledger."));
        } catch (ConflictException | ForbiddenException e) {
            flash.addFlashAttribute("notice", e.getMessage());
        }
        return "redirect:/equipment/my-bookings";
    }

    /** A steward adds a maintenance plan from the machine's page: what, every so many days and/or hours of use. */
    @PostMapping("/equipment/machines/{code}/maintenance-plans")
    String addPlan(@PathVariable String code, @RequestParam(required = false) String task, @RequestParam(required = false) String everyDays,
                   @RequestParam(required = false) String everyHours, RedirectAttributes flash) {
        try {
            maintenance.addPlan(code, task, number(everyHours, "everyHours"), number(everyDays, "everyDays"), null, null);
            flash.addFlashAttribute("notice", "Maintenance plan added.");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("notice", "Not added: " + e.problems().get(0).message());
        }
        return "redirect:/equipment/machines/" + code + "#maintenance";
    }

    /** A steward sets the machine's work envelope from its page. */
    @PostMapping("/equipment/machines/{code}/envelope")
    String setEnvelope(@PathVariable String code, @RequestParam(required = false) String xMm, @RequestParam(required = false) String yMm,
                       @RequestParam(required = false) String zMm, @RequestParam(required = false) String rapidMmPerMin,
                       @RequestParam(required = false) String cutMmPerMin, RedirectAttributes flash) {
        try {
            jobs.setEnvelope(code, number(xMm, "xMm"), number(yMm, "yMm"), number(zMm, "zMm"), number(rapidMmPerMin, "rapidMmPerMin"),
                    number(cutMmPerMin, "cutMmPerMin"));
            flash.addFlashAttribute("notice", "Work envelope set: job files are checked against it.");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("notice", "Not set: " + e.problems().get(0).field() + " must be " + e.problems().get(0).message() + ".");
        }
        return "redirect:/equipment/machines/" + code + "#jobs";
    }

    /** A member adds the job file to their booking from the phone (multipart; the CSRF token rides in the address). */
    @PostMapping("/equipment/bookings/{id}/job")
    String attachJob(@PathVariable long id, @RequestParam(required = false) MultipartFile file, @AuthenticationPrincipal MemberPrincipal me,
                     RedirectAttributes flash) {
        try {
            JobSummary j = jobs.attach(id, me.memberId(), me.isSteward(), file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getBytes());
            flash.addFlashAttribute("notice", "Job " + j.fileName() + " added: about " + j.estimatedMinutes() + " min"
                    + (j.fitsBooking() ? ", it fits the booking." : "; the booking is too short: it would need until " + j.suggestedEnd() + "."));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("notice", "Not added: " + e.problems().get(0).message());
        } catch (ForbiddenException e) {
            flash.addFlashAttribute("notice", e.getMessage());
        } catch (IOException e) {
            flash.addFlashAttribute("notice", "Not added: the upload broke off; try again.");
        }
        return "redirect:/equipment/my-bookings#booking-" + id;
    }

    /** A member holding the badge logs maintenance done now or earlier today: what, parts, hours down. */
    @PostMapping("/equipment/machines/{code}/maintenance")
    String logMaintenance(@PathVariable String code, @RequestParam(required = false) Long plan, @RequestParam(required = false) String what,
                          @RequestParam(required = false) String parts, @RequestParam(required = false) String hoursDown,
                          @AuthenticationPrincipal MemberPrincipal me, RedirectAttributes flash) {
        try {
            Integer hours = number(hoursDown, "hoursDown");
            Instant until = clock.instant();
            maintenance.record(code, me.memberId(), plan, what, parts, until.minus(hours == null ? 1 : hours, ChronoUnit.HOURS), until);
            flash.addFlashAttribute("notice", "Maintenance logged.");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("notice", "Not logged: " + e.problems().get(0).message());
        } catch (ForbiddenException e) {
            flash.addFlashAttribute("notice", e.getMessage());
        }
        return "redirect:/equipment/machines/" + code + "#maintenance";
    }

    private static Integer number(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(field, "a whole number, or empty");
        }
    }

    /** A booking's job drawn from above: public, as bookings are. */
    @GetMapping(value = "/equipment/bookings/{id}/job.svg", produces = "image/svg+xml")
    @ResponseBody
    String jobSvg(@PathVariable long id) {
        return jobs.svg(id).orElseThrow(() -> new NotFoundException("job of booking", id));
    }

    @GetMapping("/equipment/my-bookings")
    String mine(@AuthenticationPrincipal MemberPrincipal me, Model model) {
        var mine = bookings.mine(me.memberId());
        model.addAttribute("bookings", mine);
        model.addAttribute("jobs", mine.stream().flatMap(b -> jobs.job(b.id()).stream()).toList());
        return "equipment/my-bookings";
    }

    @PostMapping("/equipment/bookings/{id}/cancel")
    String cancel(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me, RedirectAttributes flash) {
        try {
            bookings.cancel(id, me.memberId(), me.isSteward(), null);
            flash.addFlashAttribute("notice", "Booking " + id + " is cancelled.");
        } catch (ConflictException | ForbiddenException e) {
            flash.addFlashAttribute("notice", e.getMessage());
        }
        return "redirect:/equipment/my-bookings";
    }

    @PostMapping("/equipment/machines/{code}/status")
    String status(@PathVariable String code, @RequestParam boolean inService, @RequestParam(required = false) String reason,
                  RedirectAttributes flash) {
        try {
            Machine m = equipment.setStatus(code, inService, reason);
            flash.addFlashAttribute("notice", m.name() + (m.inService() ? " is back in service." : " is out of service: " + m.statusReason()));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("notice", "Not changed: " + e.getMessage());
        }
        return "redirect:/equipment/machines/" + code;
    }

    /** Labels for every machine: scanning one opens its page, with what to learn to use it. */
    @GetMapping("/equipment/labels")
    String labels(HttpServletRequest request, Model model) {
        String base = base(request);
        model.addAttribute("labels", equipment.machines().stream().map(m -> new QrLabel(m.name(),
                m.skill() + " ≥ " + m.level() + (m.bayCode() == null ? "" : " · " + m.bayCode()),
                QrCodes.svg(base + "/equipment/machines/" + m.code(), 140))).toList());
        return "learning/labels";
    }

    private static String base(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
    }
}
