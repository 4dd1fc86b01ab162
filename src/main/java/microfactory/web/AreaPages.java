package microfactory.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import microfactory.common.NotFoundException;

/** Pages for the areas not built yet: each says what it will hold. Built features map their own paths. */
@Controller
class AreaPages {

    @GetMapping("/network")
    String area(HttpServletRequest request, Model model) {
        Area area = Areas.at(request.getRequestURI()).orElseThrow(() -> new NotFoundException("area", request.getRequestURI()));
        model.addAttribute("area", area);
        return "area";
    }
}
