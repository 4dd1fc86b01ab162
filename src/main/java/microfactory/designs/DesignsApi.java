package microfactory.designs;

import java.math.BigDecimal;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import microfactory.common.InvalidInputException;

/** The catalogue in JSON: anyone reads and downloads; stewards import and fork. */
@RestController
@RequestMapping("/api/v1/designs")
class DesignsApi {

    private final DesignService designs;

    DesignsApi(DesignService designs) {
        this.designs = designs;
    }

    /** A fork: its address and name, and a licence when it is not the original's (a share-alike original allows only its own or later). */
    record Fork(String slug, String name, String licence) {
    }

    /** A new version: a BOM (CSV/TSV, or OSE Markdown when bomFile ends in .md) and/or tasks CSV, as text. */
    record NewVersion(String label, String notes, String bomFile, String bom, String tasks) {
    }

    @PutMapping("/{slug}")
    Design update(@PathVariable String slug, @RequestBody DesignEdit edit) {
        return designs.update(slug, edit);
    }

    @PostMapping("/{slug}/versions")
    ResponseEntity<DesignVersion> newVersion(@PathVariable String slug, @RequestBody NewVersion v) {
        DesignVersion created = designs.newVersion(slug, v.label(), v.notes(), v.bomFile(), v.bom(), v.tasks());
        return ResponseEntity.created(URI.create("/api/v1/designs/" + slug + "?version=" + created.label())).body(created);
    }

    /** What one unit of the version is worth (null clears it): the value its builds produce and builders share. */
    record ReferencePrice(Long amountMinor) {
    }

    @PutMapping("/{slug}/versions/{label}/price")
    DesignVersion price(@PathVariable String slug, @PathVariable String label, @RequestBody ReferencePrice price) {
        return designs.setReferencePrice(slug, label, price.amountMinor());
    }

    record ServiceInterval(Integer months) {
    }

    record Output(String material, BigDecimal quantity) {
    }

    /** The version makes a material: each unit of a build yields this much of a stock material (null material clears it). */
    @PutMapping("/{slug}/versions/{label}/output")
    DesignVersion output(@PathVariable String slug, @PathVariable String label, @RequestBody Output output) {
        return designs.setOutput(slug, label, output.material(), output.quantity());
    }

    /** How often units of the version want service (months; null clears it): owners are reminded when it is due. */
    @PutMapping("/{slug}/versions/{label}/service-interval")
    DesignVersion serviceInterval(@PathVariable String slug, @PathVariable String label, @RequestBody ServiceInterval interval) {
        return designs.setServiceInterval(slug, label, interval.months());
    }

    @GetMapping
    List<Design> catalogue(@RequestParam(required = false) String q) {
        return designs.catalogue(q);
    }

    @GetMapping("/{slug}")
    Map<String, Object> design(@PathVariable String slug, @RequestParam(required = false) String version) {
        DesignView v = designs.view(slug, version);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("design", v.design());
        out.put("version", v.version());
        out.put("versions", v.versions());
        out.put("forkedFrom", v.forkedFrom());
        out.put("forks", v.forks());
        out.put("bom", v.bom().tree(12));
        out.put("flat", v.bom().flat());
        out.put("cost", v.bom().cost());
        out.put("materials", v.bom().materials());
        out.put("tasks", v.tasks().tasks());
        out.put("criticalPath", v.tasks().criticalPath());
        out.put("minutesPerUnit", v.tasks().length());
        return out;
    }

    @GetMapping(value = "/{slug}/bundle", produces = "application/zip")
    ResponseEntity<byte[]> bundle(@PathVariable String slug) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + slug + ".zip\"")
                .contentType(MediaType.parseMediaType("application/zip")).body(designs.bundle(slug));
    }

    static final int MAX_BUNDLE = 10_000_000;

    /** Imports an export bundle sent as the request body (application/zip). */
    @PostMapping(consumes = {"application/zip", "application/octet-stream"})
    ResponseEntity<Design> importBundle(@RequestParam(required = false) String slug, HttpServletRequest request) throws IOException {
        // Read at most 10 MB before refusing: the body is never buffered whole when it is larger.
        byte[] zip = request.getInputStream().readNBytes(MAX_BUNDLE + 1);
        if (zip.length > MAX_BUNDLE) {
            throw InvalidInputException.of("bundle", "a design bundle is at most 10 MB; send the zip of okh.toml, bom.csv and tasks.csv");
        }
        Design d = designs.importBundle(slug, zip);
        return ResponseEntity.created(URI.create("/api/v1/designs/" + d.slug())).body(d);
    }

    @PostMapping("/{slug}/fork")
    ResponseEntity<Design> fork(@PathVariable String slug, @RequestBody Fork fork) {
        Design d = designs.fork(slug, fork.slug(), fork.name(), fork.licence());
        return ResponseEntity.created(URI.create("/api/v1/designs/" + d.slug())).body(d);
    }
}
