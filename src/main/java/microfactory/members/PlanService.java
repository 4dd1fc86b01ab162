package microfactory.members;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import microfactory.audit.AuditAction;
import microfactory.audit.AuditLog;
import microfactory.common.FieldProblem;
import microfactory.common.InvalidInputException;
import microfactory.common.NotFoundException;

/** The chapter's membership plans. */
@Service
public class PlanService {

    private final PlanRepository plans;
    private final AuditLog audit;

    PlanService(PlanRepository plans, AuditLog audit) {
        this.plans = plans;
        this.audit = audit;
    }

    public List<Plan> all() {
        return plans.all();
    }

    public List<Plan> offered() {
        return plans.all().stream().filter(Plan::active).toList();
    }

    public Plan get(String code) {
        return plans.findByCode(code).orElseThrow(() -> new NotFoundException("plan", code));
    }

    @Transactional
    public Plan create(PlanTerms terms) {
        List<FieldProblem> problems = check(terms);
        if (plans.findByCode(terms.code()).isPresent()) {
            problems.add(new FieldProblem("code", "a plan with code '" + terms.code() + "' exists already"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        plans.insert(terms);
        Plan created = get(terms.code());
        audit.record(AuditAction.PLAN_CREATED, created.code(), null, created);
        return created;
    }

    @Transactional
    public Plan update(String code, PlanTerms terms) {
        Plan before = get(code);
        if (!code.equals(terms.code())) {
            throw InvalidInputException.of("code", "a plan's code cannot change (path says '" + code + "')");
        }
        List<FieldProblem> problems = check(terms);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        plans.update(code, terms);
        Plan after = get(code);
        audit.record(AuditAction.PLAN_CHANGED, code, before, after);
        return after;
    }

    /** The rules that span fields: the amount that matches the kind must be there. */
    private static List<FieldProblem> check(PlanTerms t) {
        List<FieldProblem> problems = new ArrayList<>();
        if (t.kind() == PlanKind.FLAT_DUES && t.annualDuesMinor() == null) {
            problems.add(new FieldProblem("annualDuesMinor", "a flat-dues plan needs its annual dues in minor units (cents)"));
        }
        if (t.kind() == PlanKind.VALUE_SHARE && t.valueShareBp() == null) {
            problems.add(new FieldProblem("valueShareBp", "a value-share plan needs its share in basis points (1000 = 10%)"));
        }
        if (t.currency() != null && t.currency().matches("[A-Z]{3}")) {
            try {
                Currency.getInstance(t.currency());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("currency", "'" + t.currency() + "' is not an ISO 4217 currency"));
            }
        }
        return problems;
    }
}
