package microfactory.materials;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import microfactory.common.Money;
import microfactory.members.MemberPrincipal;

/** Materials: the catalogue with stock and every move are public; stewards add materials and record moves. */
@RestController
class MaterialsApi {

    private final MaterialService materials;
    private final MaterialFlows flows;
    private final Clock clock;

    MaterialsApi(MaterialService materials, MaterialFlows flows, Clock clock) {
        this.flows = flows;
        this.materials = materials;
        this.clock = clock;
    }

    record NewMaterial(String code, String name, String materialClass, String unit, BigDecimal reorderPoint, BigDecimal standardCostMinor,
                       Boolean recycled) {
    }

    /** A move as the API takes it: amounts in minor units, refused when not whole. */
    record MoveBody(String material, String kind, BigDecimal quantity, String unit, String location, BigDecimal costMinor,
                    String paidFrom, Long run, String unitSerial, String inputMaterial, BigDecimal inputQuantity, String note) {
    }

    @GetMapping("/api/v1/materials")
    List<MaterialStock> all() {
        return materials.stock();
    }

    @PostMapping("/api/v1/materials")
    ResponseEntity<MaterialStock> create(@RequestBody NewMaterial m) {
        Material made = materials.create(m.code(), m.name(), m.materialClass(), m.unit(), m.reorderPoint(),
                Money.wholeMinor(m.standardCostMinor(), "standardCostMinor"), m.recycled());
        return ResponseEntity.created(URI.create("/api/v1/materials/" + made.code())).body(materials.stock(made.code()));
    }

    @GetMapping("/api/v1/materials/{code}")
    MaterialStock one(@PathVariable String code) {
        return materials.stock(code);
    }

    @PostMapping("/api/v1/materials/moves")
    ResponseEntity<Move> move(@RequestBody MoveBody b, @AuthenticationPrincipal MemberPrincipal me) {
        Move m = materials.move(new MoveRequest(b.material(), b.kind(), b.quantity(), b.unit(), b.location(),
                Money.wholeMinor(b.costMinor(), "costMinor"), b.paidFrom(), b.run(), b.unitSerial(), b.inputMaterial(), b.inputQuantity(),
                b.note()), me == null ? null : me.memberId());
        return ResponseEntity.created(URI.create("/api/v1/materials/moves?material=" + m.material())).body(m);
    }

    /** Where material came from and went in [from, to) (by default the last 365 days), and circularity per class. */
    @GetMapping("/api/v1/materials/flows")
    MaterialFlows.Flows flows(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
        Instant end = to == null ? clock.instant().plusSeconds(1) : to;
        return flows.flows(from == null ? end.minus(365, ChronoUnit.DAYS) : from, end);
    }

    /** Moves in [from, to), newest first; by default the last 90 days. */
    @GetMapping("/api/v1/materials/moves")
    List<Move> moves(@RequestParam(required = false) String material, @RequestParam(required = false) Instant from,
                     @RequestParam(required = false) Instant to) {
        Instant end = to == null ? clock.instant().plusSeconds(1) : to;
        return materials.moves(material, from == null ? end.minus(90, ChronoUnit.DAYS) : from, end);
    }
}
