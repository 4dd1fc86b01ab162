package microfactory.members;

import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import microfactory.common.ChapterSettings;
import microfactory.web.FieldErrors;
import microfactory.web.FormPosts;

/** Stewards write the chapter's membership plans: create, edit, retire (a retired plan is no longer offered). */
@Controller
class PlanAdminPages {

    /** The form's names for the request's fields. */
    private static final Map<String, String> FIELDS = Map.of("annualDuesMinor", "annualDues", "valueShareBp", "valueSharePercent",
            "usufructRight", "usufructRight", "trainingRight", "trainingRight");

    private final PlanService plans;
    private final ChapterSettings chapter;

    PlanAdminPages(PlanService plans, ChapterSettings chapter) {
        this.plans = plans;
        this.chapter = chapter;
    }

    @GetMapping("/plans/manage")
    String list(Model model) {
        model.addAttribute("plans", plans.all());
        return "members/plans-manage";
    }

    @GetMapping("/plans/manage/new")
    String blank(Model model) {
        return page(model, PlanForm.blank(chapter.currency()), false, FieldErrors.NONE);
    }

    @PostMapping("/plans/manage/new")
    String create(PlanForm form, Model model, HttpServletResponse response, RedirectAttributes flash) {
        return save(form, false, model, response, flash, () -> plans.create(form.toTerms()));
    }

    @GetMapping("/plans/manage/{code}")
    String edit(@PathVariable String code, Model model) {
        return page(model, PlanForm.of(plans.get(code)), true, FieldErrors.NONE);
    }

    @PostMapping("/plans/manage/{code}")
    String update(@PathVariable String code, PlanForm form, Model model, HttpServletResponse response, RedirectAttributes flash) {
        plans.get(code);
        PlanForm kept = new PlanForm(code, form.name(), form.kind(), form.annualDues(), form.currency(), form.valueSharePercent(),
                form.usufructRight(), form.trainingRight(), form.description(), form.active());
        return save(kept, true, model, response, flash, () -> plans.update(code, kept.toTerms()));
    }

    private String save(PlanForm form, boolean editing, Model model, HttpServletResponse response, RedirectAttributes flash,
                        Supplier<Plan> save) {
        return FormPosts.save(save, plan -> "Saved the plan " + plan.name() + (plan.active() ? "." : "; it is retired, no longer offered."),
                "/plans/manage", flash, response, errors -> page(model, form, editing, errors), FIELDS);
    }

    private static String page(Model model, PlanForm form, boolean editing, FieldErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("errors", errors);
        return "members/plan-form";
    }
}
