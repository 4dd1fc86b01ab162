package microfactory.kit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import microfactory.common.Markdown;

/**
 * {@code GET /kit}: the enterprise kit, public. A browser (asking for HTML) gets the page that explains it; any other
 * client — {@code kit export}, curl — gets the signed archive, as does {@code /kit?format=zip}. The archive is made at
 * most once a minute, so anonymous downloads cost the chapter little.
 */
@Controller
class KitPages {

    static final Duration FRESH = Duration.ofMinutes(1);
    private final EnterpriseKit kit;
    private final Clock clock;
    private volatile Made made;

    private record Made(byte[] archive, KitArchive.Kit read, Instant at) {
    }

    KitPages(EnterpriseKit kit, Clock clock) {
        this.kit = kit;
        this.clock = clock;
    }

    @GetMapping("/kit")
    Object kit(@RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
               @RequestParam(required = false) String format, Model model) {
        Made m = current();
        if ("zip".equals(format) || accept == null || !accept.contains(MediaType.TEXT_HTML_VALUE)) {
            return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + EnterpriseKit.slug(m.read().manifest()
                            .chapter()) + "-kit.zip\"").cacheControl(CacheControl.maxAge(FRESH).cachePublic())
                    .contentType(MediaType.parseMediaType("application/zip")).body(m.archive());
        }
        model.addAttribute("manifest", m.read().manifest());
        model.addAttribute("manifestSha256", m.read().manifestSha256());
        model.addAttribute("bytes", m.archive().length);
        model.addAttribute("handbook", Markdown.html(new String(m.read().files().get(EnterpriseKit.HANDBOOK), StandardCharsets.UTF_8)));
        return "kit/kit";
    }

    private synchronized Made current() {
        Made m = made;
        if (m == null || m.at().plus(FRESH).isBefore(clock.instant())) {
            byte[] archive = kit.export();
            m = new Made(archive, KitArchive.read(archive, null), clock.instant());
            made = m;
        }
        return m;
    }
}
