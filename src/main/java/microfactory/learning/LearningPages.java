package microfactory.learning;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import microfactory.common.ConflictException;
import microfactory.common.InvalidInputException;
import microfactory.common.Markdown;
import microfactory.common.NotFoundException;
import microfactory.members.MemberPrincipal;
import microfactory.merit.Badge;
import microfactory.merit.MeritService;
import microfactory.web.FieldErrors;
import microfactory.web.QrCodes;

/** Learn: tracks and modules; a module's lesson and assessment; my badges and the chapter's recent ones. */
@Controller
class LearningPages {

    private final LearningService learning;
    private final MeritService merit;

    private final List<GatedWork> gatedWork;

    LearningPages(LearningService learning, MeritService merit, List<GatedWork> gatedWork) {
        this.gatedWork = gatedWork;
        this.learning = learning;
        this.merit = merit;
    }

    @GetMapping("/learn")
    String learn(@AuthenticationPrincipal MemberPrincipal me, Model model) {
        List<Module> modules = learning.modules();
        List<String> passed = me == null ? List.of() : learning.passed(me.memberId());
        model.addAttribute("tracks", learning.tracks());
        model.addAttribute("modules", modules);
        model.addAttribute("passed", passed);
        model.addAttribute("minutesLeft", modules.stream().filter(m -> !passed.contains(m.code())).mapToInt(Module::minutes).sum());
        return "learning/learn";
    }

    @GetMapping("/learn/new")
    String newModule(Model model) {
        return authorPage(model, new ModuleDraft("", "know-how", "", "", 1, 15, 60, false, "", "", ""), true,
                FieldErrors.NONE);
    }

    @PostMapping("/learn/new")
    String create(ModuleDraft draft, Model model, HttpServletResponse response) {
        return save(draft, true, model, response);
    }

    @GetMapping("/learn/{code}/edit")
    String editModule(@PathVariable String code, Model model) {
        Module m = learning.module(code);
        return authorPage(model, new ModuleDraft(m.code(), m.trackCode(), m.title(), m.skill(), m.level(), m.minutes(), m.passPercent(),
                m.practical(), String.join(",", m.prerequisites()), m.lesson(), learning.questionsText(code)), false,
                FieldErrors.NONE);
    }

    @PostMapping("/learn/{code}/edit")
    String update(@PathVariable String code, ModuleDraft draft, Model model, HttpServletResponse response) {
        ModuleDraft same = new ModuleDraft(code, draft.track(), draft.title(), draft.skill(), draft.level(), draft.minutes(),
                draft.passPercent(), draft.practical(), draft.prerequisites(), draft.lesson(), draft.questions());
        return save(same, false, model, response);
    }

    private String save(ModuleDraft draft, boolean create, Model model, HttpServletResponse response) {
        try {
            Module m = learning.saveModule(draft, create);
            return "redirect:/learn/" + m.code();
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return authorPage(model, draft, create, FieldErrors.of(e));
        }
    }

    private String authorPage(Model model, ModuleDraft draft, boolean create, FieldErrors errors) {
        model.addAttribute("draft", draft);
        model.addAttribute("create", create);
        model.addAttribute("errors", errors);
        model.addAttribute("tracks", learning.tracks());
        return "learning/author";
    }

    @GetMapping("/learn/{code}")
    String module(@PathVariable String code, @AuthenticationPrincipal MemberPrincipal me, Model model) {
        return modulePage(model, code, me, null, null);
    }

    @PostMapping("/learn/{code}")
    String submit(@PathVariable String code, @AuthenticationPrincipal MemberPrincipal me, @RequestParam Map<String, String> form,
                  Model model, HttpServletResponse response) {
        Map<Long, String> answers = new HashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("q")) {
                try {
                    answers.put(Long.parseLong(k.substring(1)), v);
                } catch (NumberFormatException ignored) {
                    // not an answer field
                }
            }
        });
        try {
            return modulePage(model, code, me, learning.submit(me.memberId(), code, answers, form.get("token")), null);
        } catch (ConflictException | InvalidInputException e) {
            response.setStatus(409);
            return modulePage(model, code, me, null, e.getMessage());
        }
    }

    private String modulePage(Model model, String code, MemberPrincipal me, Attempt attempt, String problem) {
        Module m = learning.module(code);
        model.addAttribute("module", m);
        model.addAttribute("questions", learning.questions(code));
        model.addAttribute("lesson", Markdown.html(m.lesson()));
        model.addAttribute("token", UUID.randomUUID().toString());
        model.addAttribute("attempt", attempt);
        model.addAttribute("problem", problem);
        model.addAttribute("missing", me == null ? List.of() : learning.missingPrerequisites(me.memberId(), m));
        return "learning/module";
    }

    /** The module's QR code: scan it on a machine and the lesson opens on your phone. */
    @GetMapping(value = "/learn/{code}/qr.svg", produces = "image/svg+xml")
    @ResponseBody
    String qr(@PathVariable String code, HttpServletRequest request) {
        learning.module(code);
        return QrCodes.svg(baseUrl(request) + "/learn/" + code, 240);
    }

    /** A printable sheet of labels: every module's QR code, title and minutes. */
    @GetMapping("/learn/labels")
    String labels(HttpServletRequest request, Model model) {
        String base = baseUrl(request);
        model.addAttribute("labels", learning.modules().stream()
                .map(m -> new QrLabel(m.title(), m.minutes() + " min · " + m.skill() + " " + m.level(),
                        QrCodes.svg(base + "/learn/" + m.code(), 140))).toList());
        return "learning/labels";
    }

    private static String baseUrl(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
    }

    /** Learners who passed a practical module and wait for a sign-off this member may give (a higher badge). */
    @GetMapping("/learn/sign-offs")
    String signOffs(@AuthenticationPrincipal MemberPrincipal me, Model model) {
        model.addAttribute("queue", learning.signOffQueue(me.memberId()));
        model.addAttribute("work", learning.workSignOffQueue(me.memberId()));
        return "learning/signoffs";
    }

    @PostMapping("/learn/sign-offs/work/{id}")
    String signWork(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id,
                    RedirectAttributes flash) {
        try {
            learning.signWork(me.memberId(), id);
            flash.addFlashAttribute("notice", "Signed off: the badge is issued.");
        } catch (ConflictException | NotFoundException e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/learn/sign-offs";
    }

    @PostMapping("/learn/sign-offs")
    String signOff(@AuthenticationPrincipal MemberPrincipal me, @RequestParam long learner, @RequestParam String module,
                   RedirectAttributes flash) {
        try {
            learning.signOff(me.memberId(), learner, module);
            flash.addFlashAttribute("notice", "Signed off: the badge is issued.");
        } catch (ConflictException e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/learn/sign-offs";
    }

    @GetMapping("/badges")
    String badges(@AuthenticationPrincipal MemberPrincipal me, Model model) {
        List<Badge> mine = me == null ? List.of() : merit.badgesOf(me.memberId());
        model.addAttribute("mine", mine);
        model.addAttribute("credentials", merit.credentialsOf(mine));
        model.addAttribute("unlocks", me == null ? List.of() : learning.unlocks(me.memberId(), gatedWork));
        model.addAttribute("recent", merit.issued(30));
        model.addAttribute("now", merit.now());
        model.addAttribute("titles", learning.badgeTitles());
        return "learning/badges";
    }
}
