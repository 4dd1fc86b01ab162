package microfactory.merit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

import microfactory.common.InvalidInputException;
import microfactory.common.NotFoundException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Public credential URLs: each badge's credential (JSON for software, a page for people), the issuer profile with its
 * key, the revocation status list, a holder's badges by pseudonym, and a page where anyone pastes a credential to check.
 */
@Controller
class CredentialPages {

    static final MediaType VC = MediaType.parseMediaType("application/vc+ld+json");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BadgeCredentials credentials;
    private final MeritService merit;

    CredentialPages(BadgeCredentials credentials, MeritService merit) {
        this.credentials = credentials;
        this.merit = merit;
    }

    /** A browser (asking for HTML) gets the page; anything else the signed credential itself. */
    @GetMapping("/badges/credentials/{id}")
    Object credential(@PathVariable String id, @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                      @RequestParam(required = false) String format, Model model) {
        String document = credentials.document(id).orElseThrow(() -> new NotFoundException("credential", id));
        if (accept == null || !accept.contains("text/html") || "json".equals(format)) {
            return ResponseEntity.ok().contentType(VC)
                .header(HttpHeaders.CONTENT_DISPOSITION, "json".equals(format) ? "attachment; filename=\"badge-" + id + ".json\"" : "inline")
                .body(document);
        }
        Badge badge = merit.badge(credentials.badgeOf(id).orElseThrow());
        model.addAttribute("credentialId", id);
        model.addAttribute("badge", badge);
        model.addAttribute("holder", merit.holderOf(badge));
        model.addAttribute("document", JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(document)));
        model.addAttribute("verification", credentials.verify(document));
        return "merit/credential";
    }

    @GetMapping(value = "/badges/issuer", produces = "application/ld+json")
    @ResponseBody
    String issuer() {
        return credentials.issuerProfile(true).toString();
    }

    @GetMapping("/badges/status/revocation")
    ResponseEntity<String> statusList() {
        return ResponseEntity.ok().contentType(VC).body(credentials.statusList().toString());
    }

    @GetMapping("/badges/holders/{holder}")
    String holder(@PathVariable String holder, Model model) {
        model.addAttribute("holder", holder);
        model.addAttribute("badges", merit.issuedTo(holder));
        model.addAttribute("now", merit.now());
        return "merit/holder";
    }

    @GetMapping("/badges/verify")
    String verifyForm(Model model) {
        model.addAttribute("credential", "");
        return "merit/verify";
    }

    /** The credential pasted, or uploaded as the file a holder downloaded (the file wins when both are given). */
    @PostMapping("/badges/verify")
    String verify(@RequestParam(defaultValue = "") String credential,
                  @RequestParam(required = false) MultipartFile file, Model model)
            throws IOException {
        if (file != null && !file.isEmpty()) {
            credential = new String(file.getBytes(), StandardCharsets.UTF_8);
        }
        model.addAttribute("credential", credential);
        if (credential.isBlank()) {
            model.addAttribute("problem", "paste a credential (JSON) or choose the file you downloaded");
            return "merit/verify";
        }
        try {
            model.addAttribute("verification", credentials.verify(credential));
        } catch (InvalidInputException e) {
            model.addAttribute("problem", e.getMessage());
        }
        return "merit/verify";
    }
}
