package microfactory.members;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Membership plans in JSON: public to read, stewards write. */
@RestController
@RequestMapping("/api/v1/plans")
class PlansApi {

    private final PlanService plans;

    PlansApi(PlanService plans) {
        this.plans = plans;
    }

    @GetMapping
    List<Plan> all() {
        return plans.all();
    }

    @GetMapping("/{code}")
    Plan get(@PathVariable String code) {
        return plans.get(code);
    }

    @PostMapping
    ResponseEntity<Plan> create(@Valid @RequestBody PlanTerms terms) {
        Plan plan = plans.create(terms);
        return ResponseEntity.created(URI.create("/api/v1/plans/" + plan.code())).body(plan);
    }

    @PutMapping("/{code}")
    Plan update(@PathVariable String code, @Valid @RequestBody PlanTerms terms) {
        return plans.update(code, terms);
    }
}
