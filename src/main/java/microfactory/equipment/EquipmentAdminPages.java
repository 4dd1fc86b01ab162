package microfactory.equipment;

import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import microfactory.common.ChapterSettings;
import microfactory.common.ConflictException;
import microfactory.common.InvalidInputException;
import microfactory.web.FieldErrors;
import microfactory.web.FormPosts;

/** Stewards add, change and remove bays and machines; errors beside the fields, refusals say what uses a thing. */
@Controller
class EquipmentAdminPages {

    private static final Map<String, String> MACHINE_FIELDS = Map.of("hourlyRateMinor", "hourlyRate");

    private final EquipmentService equipment;
    private final MachineBookings bookings;
    private final ChapterSettings chapter;

    EquipmentAdminPages(EquipmentService equipment, MachineBookings bookings, ChapterSettings chapter) {
        this.equipment = equipment;
        this.bookings = bookings;
        this.chapter = chapter;
    }

    /** A steward sets how a plan's members book machines. */
    @PostMapping("/equipment/manage/booking-rules/{plan}")
    String setRule(@PathVariable String plan, @RequestParam(required = false) String daysAhead, @RequestParam(required = false) String leadMinutes,
                   @RequestParam(required = false) String hoursPerWeek, RedirectAttributes flash) {
        try {
            bookings.setRule(plan, whole(daysAhead), whole(leadMinutes), whole(hoursPerWeek));
            flash.addFlashAttribute("notice", "Booking rule of " + plan + " saved.");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("problem", "Not saved: " + e.problems().stream().map(p -> p.field() + " " + p.message())
                    .collect(Collectors.joining("; ")) + ".");
        }
        return "redirect:/equipment/manage#booking-rules";
    }

    private static Integer whole(String text) {
        try {
            return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null; // the service names the field
        }
    }

    @GetMapping("/equipment/manage")
    String manage(Model model) {
        model.addAttribute("bays", equipment.bays());
        model.addAttribute("machines", equipment.machines());
        model.addAttribute("currency", chapter.currency());
        model.addAttribute("rules", bookings.planRules());
        return "equipment/manage";
    }

    @GetMapping("/equipment/manage/bays/new")
    String newBay(Model model) {
        return bayPage(model, BayForm.blank(), false, FieldErrors.NONE);
    }

    @PostMapping("/equipment/manage/bays/new")
    String addBay(BayForm form, Model model, HttpServletResponse response, RedirectAttributes flash) {
        return saveBay(form, false, model, response, flash, () -> equipment.addBay(form.toEdit()));
    }

    @GetMapping("/equipment/manage/bays/{code}")
    String editBay(@PathVariable String code, Model model) {
        return bayPage(model, BayForm.of(equipment.bay(code)), true, FieldErrors.NONE);
    }

    @PostMapping("/equipment/manage/bays/{code}")
    String updateBay(@PathVariable String code, BayForm form, Model model, HttpServletResponse response, RedirectAttributes flash) {
        equipment.bay(code);
        BayForm kept = new BayForm(code, form.name(), form.kind(), form.areaM2(), form.description());
        return saveBay(kept, true, model, response, flash, () -> equipment.updateBay(code, kept.toEdit()));
    }

    @PostMapping("/equipment/manage/bays/{code}/remove")
    String removeBay(@PathVariable String code, RedirectAttributes flash) {
        return act(flash, () -> {
            equipment.removeBay(code);
            return "The bay " + code + " is removed.";
        });
    }

    @GetMapping("/equipment/manage/machines/new")
    String newMachine(Model model) {
        return machinePage(model, MachineForm.blank(), false, FieldErrors.NONE);
    }

    @PostMapping("/equipment/manage/machines/new")
    String addMachine(MachineForm form, Model model, HttpServletResponse response, RedirectAttributes flash) {
        return saveMachine(form, false, model, response, flash, () -> equipment.addMachine(form.toEdit(chapter.currency())));
    }

    @GetMapping("/equipment/manage/machines/{code}")
    String editMachine(@PathVariable String code, Model model) {
        return machinePage(model, MachineForm.of(equipment.machine(code), chapter.currency()), true, FieldErrors.NONE);
    }

    @PostMapping("/equipment/manage/machines/{code}")
    String updateMachine(@PathVariable String code, MachineForm form, Model model, HttpServletResponse response,
                         RedirectAttributes flash) {
        equipment.machine(code);
        MachineForm kept = new MachineForm(code, form.name(), form.type(), form.bayCode(), form.count(), form.skill(), form.level(),
                form.hourlyRate());
        return saveMachine(kept, true, model, response, flash, () -> equipment.updateMachine(code, kept.toEdit(chapter.currency())));
    }

    @PostMapping("/equipment/manage/machines/{code}/remove")
    String removeMachine(@PathVariable String code, RedirectAttributes flash) {
        return act(flash, () -> {
            equipment.removeMachine(code);
            return "The machine " + code + " is removed.";
        });
    }

    private String saveBay(BayForm form, boolean editing, Model model, HttpServletResponse response, RedirectAttributes flash,
                           Supplier<Bay> save) {
        return FormPosts.save(save, bay -> "Saved the bay " + bay.code() + " (" + bay.name() + ").", "/equipment/manage", flash,
                response, errors -> bayPage(model, form, editing, errors));
    }

    private String saveMachine(MachineForm form, boolean editing, Model model, HttpServletResponse response,
                               RedirectAttributes flash, Supplier<Machine> save) {
        return FormPosts.save(save, m -> "Saved the machine " + m.code() + " (" + m.name() + ").", "/equipment/manage", flash,
                response, errors -> machinePage(model, form, editing, errors), MACHINE_FIELDS);
    }

    private static String act(RedirectAttributes flash, Supplier<String> action) {
        try {
            flash.addFlashAttribute("notice", action.get());
        } catch (ConflictException e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/equipment/manage";
    }

    private String bayPage(Model model, BayForm form, boolean editing, FieldErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("errors", errors);
        return "equipment/bay-form";
    }

    private String machinePage(Model model, MachineForm form, boolean editing, FieldErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("errors", errors);
        model.addAttribute("bays", equipment.bays());
        model.addAttribute("currency", chapter.currency());
        return "equipment/machine-form";
    }
}
