package microfactory.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import microfactory.chapter.ChapterService;
import microfactory.common.Money;
import microfactory.designs.BuildTask;
import microfactory.designs.Design;
import microfactory.designs.DesignService;
import microfactory.designs.DesignView;
import microfactory.designs.SkillNeed;
import microfactory.equipment.EquipmentService;
import microfactory.equipment.Machine;
import microfactory.funding.Campaign;
import microfactory.funding.CampaignService;
import microfactory.learning.LearningService;
import microfactory.learning.Module;
import microfactory.production.BuildHours;
import microfactory.production.DesignQuality;
import microfactory.production.ProductionService;
import microfactory.production.Run;
import microfactory.production.RunStatus;
import microfactory.production.Unit;
import microfactory.production.UnitQualityControl;

/**
 * The source's four criteria of viral replicability, and documentation, scored per design from this chapter's data and the
 * network's verified output: each score 0–100 with its evidence and what would raise it. The scoring rules are plain and
 * stated in each criterion's evidence, so a steward can argue with them.
 */
@Service
public class Replicability {

    /** One criterion: its score, what it was computed from, and what to do next to raise it (null at 100). */
    public record Criterion(String name, int score, String evidence, String next) {
    }

    public record Scorecard(String design, String name, int overall, List<Criterion> criteria) {
    }

    /** The enterprise: each criterion averaged over its designs, and each design's card. */
    public record Enterprise(int overall, Map<String, Integer> criteria, List<Scorecard> designs) {
    }

    /** How many chapters building a design count as replicated. */
    static final int CHAPTERS_TO_REPLICATE = 3;
    private final DesignService designs;
    private final ProductionService production;
    private final UnitQualityControl quality;
    private final EquipmentService equipment;
    private final LearningService learning;
    private final NetworkSummaries summaries;
    private final NetworkRepository network;
    private final BuildHours hours;
    private final CampaignService campaigns;
    private final ChapterService chapter;

    Replicability(DesignService designs, ProductionService production, UnitQualityControl quality, EquipmentService equipment,
                  LearningService learning, NetworkSummaries summaries, NetworkRepository network, BuildHours hours,
                  CampaignService campaigns, ChapterService chapter) {
        this.hours = hours;
        this.campaigns = campaigns;
        this.chapter = chapter;
        this.designs = designs;
        this.production = production;
        this.quality = quality;
        this.equipment = equipment;
        this.learning = learning;
        this.summaries = summaries;
        this.network = network;
    }

    public Scorecard of(String slug) {
        DesignView view = designs.view(slug);
        Design d = view.design();
        List<BuildTask> tasks = view.tasks().tasks();
        List<Criterion> criteria = List.of(qualityControl(slug, tasks), tools(tasks), marketability(slug), optimization(slug),
                documentation(d, tasks));
        int overall = (int) Math.round(criteria.stream().mapToInt(Criterion::score).average().orElse(0));
        return new Scorecard(slug, d.name(), overall, criteria);
    }

    public Enterprise enterprise() {
        List<Scorecard> cards = designs.catalogue(null).stream().map(d -> of(d.slug())).toList();
        Map<String, Integer> averages = new LinkedHashMap<>();
        for (int i = 0; !cards.isEmpty() && i < cards.get(0).criteria().size(); i++) {
            int at = i;
            averages.put(cards.get(0).criteria().get(at).name(), (int) Math.round(cards.stream().mapToInt(c -> c.criteria().get(at).score())
                    .average().orElse(0)));
        }
        int overall = (int) Math.round(cards.stream().mapToInt(Scorecard::overall).average().orElse(0));
        return new Enterprise(overall, averages, cards);
    }

    /** Half for tasks with checks written, half for units passing their final inspection; checks per task as evidence. */
    private Criterion qualityControl(String slug, List<BuildTask> tasks) {
        long checked = tasks.stream().filter(t -> !t.checklist().isEmpty()).count();
        int checks = tasks.stream().mapToInt(t -> t.checklist().size()).sum();
        DesignQuality q = quality.ofDesign(slug);
        int decided = q.passed() + q.failed();
        int score = (int) Math.round(50.0 * checked / Math.max(1, tasks.size()) + (decided == 0 ? 0 : 50.0 * q.passed() / decided));
        String unchecked = tasks.stream().filter(t -> t.checklist().isEmpty()).map(BuildTask::code).collect(Collectors.joining(", "));
        String passRate = q.tasks().stream().filter(t -> t.checks() > 0)
                .map(t -> t.task() + " " + t.percent().stripTrailingZeros().toPlainString() + " %").collect(Collectors.joining(", "));
        return new Criterion("quality control", score, checked + " of " + tasks.size() + " tasks have checks (" + checks + " checks, "
                + String.format(Locale.ROOT, "%.1f", (double) checks / Math.max(1, tasks.size())) + " per task); " + q.units() + " units built, "
                + q.passed() + " passed and " + q.failed() + " failed the final inspection, " + q.pending() + " waiting"
                + (passRate.isEmpty() ? "" : "; checks passed by task: " + passRate) + " (half the score each)",
                score == 100 ? null : !unchecked.isEmpty() ? "write checks for tasks " + unchecked
                        : decided == 0 ? "build a unit and have its final inspection signed" : "find why units fail their inspection");
    }

    /** The share of tasks whose machines this chapter has in service; the machine time a unit costs at the chapter's rates. */
    private Criterion tools(List<BuildTask> tasks) {
        List<Machine> inService = equipment.machines().stream().filter(Machine::inService).toList();
        Set<String> here = inService.stream().map(Machine::type).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        long doable = 0;
        for (BuildTask t : tasks) {
            Set<String> lacking = t.machines().keySet().stream().filter(type -> !here.contains(type)).collect(Collectors.toSet());
            missing.addAll(lacking);
            doable += lacking.isEmpty() ? 1 : 0;
        }
        int score = (int) Math.round(100.0 * doable / Math.max(1, tasks.size()));
        return new Criterion("tools for small-scale production", score, doable + " of " + tasks.size()
                + " tasks can be done on machines in service here; " + machineCost(tasks, inService),
                missing.isEmpty() ? null : "get or repair: " + String.join(", ", missing));
    }

    /** Machine hours per unit by type, priced at the cheapest rate the chapter set for a machine of that type. */
    private String machineCost(List<BuildTask> tasks, List<Machine> inService) {
        Map<String, Double> hoursByType = new TreeMap<>();
        tasks.forEach(t -> t.machines().forEach((type, count) -> hoursByType.merge(type, t.minutes() * count / 60.0, Double::sum)));
        if (hoursByType.isEmpty()) {
            return "no machine time: built by hand";
        }
        String currency = chapter.currency();
        long costMinor = 0;
        List<String> unpriced = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Double> e : hoursByType.entrySet()) {
            Long rate = inService.stream().filter(m -> m.type().equals(e.getKey()) && m.hourlyRateMinor() != null)
                    .map(Machine::hourlyRateMinor).min(Long::compare).orElse(null);
            String h = String.format(Locale.ROOT, "%.1f h", e.getValue());
            if (rate == null) {
                unpriced.add(e.getKey() + " " + h);
            } else {
                long cost = Math.round(e.getValue() * rate);
                costMinor += cost;
                parts.add(e.getKey() + " " + h + " at " + Money.of(rate, currency).formatted() + "/h");
            }
        }
        return "machine time per unit costs " + Money.of(costMinor, currency).formatted() + " at this chapter's rates"
                + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")")
                + (unpriced.isEmpty() ? "" : "; no rate set for " + String.join(", ", unpriced));
    }

    /**
     * Half for chapters that built it (three count as replicated), a quarter for units built here that found a buyer, a
     * quarter for the crew seats of its builds that members filled; the chapter's backers as evidence.
     */
    private Criterion marketability(String slug) {
        NetworkSummaries.NetworkSummary s = summaries.summary();
        long chapters = s.chapters().stream().filter(c -> c.unitsByDesign().getOrDefault(slug, 0L) > 0).count();
        long units = s.unitsByDesign().getOrDefault(slug, 0L);
        List<Run> runs = production.runs().stream().filter(r -> r.designSlug().equals(slug) && r.status() != RunStatus.CANCELLED).toList();
        Set<Long> runIds = runs.stream().map(Run::id).collect(Collectors.toSet());
        List<Unit> built = production.allUnits().stream().filter(u -> runIds.contains(u.runId())).toList();
        long sold = built.stream().filter(u -> u.soldAt() != null).count();
        long signups = runs.stream().mapToLong(r -> production.signups(r.id()).size()).sum();
        long seats = runs.stream().mapToLong(r -> r.crewTarget() + r.traineeSeats()).sum();
        List<Campaign> raised = campaigns.campaigns();
        long backers = raised.stream().mapToLong(Campaign::backers).sum();
        double share = Math.min(1.0, (double) chapters / CHAPTERS_TO_REPLICATE);
        double sales = built.isEmpty() ? 0 : (double) sold / built.size();
        double filled = seats == 0 ? 0 : Math.min(1.0, (double) signups / seats);
        int score = (int) Math.round(50 * share + 25 * sales + 25 * filled);
        String next = score == 100 ? null : share < 1 ? "have another chapter build it: share it in the kit and on /network"
                : sales < 1 ? "offer the units built here in the showroom" : "open its next build to more members";
        return new Criterion("self-marketability", score, chapters + " chapters built it (" + units + " units across the verified network); "
                + built.size() + " units built here, " + sold + " sold; " + runs.size() + " builds here with " + signups + " sign-ups for "
                + seats + " seats; the chapter's " + raised.size() + " campaigns had " + backers + " backers (half the score for "
                + CHAPTERS_TO_REPLICATE + " chapters building it, a quarter for units sold, a quarter for seats filled)", next);
    }

    /**
     * Up to 75 for versions after the first and improvements taken from other chapters (25 each), 25 when the person-hours
     * per unit of its latest completed build are below its first's.
     */
    private Criterion optimization(String slug) {
        int versions = designs.versions(slug).size();
        long accepted = network.improvements().stream().filter(i -> i.designSlug().equals(slug) && i.status() == ImprovementStatus.ACCEPTED).count();
        List<BuildHours.RunHours> builds = hours.ofDesign(slug);
        boolean faster = builds.size() > 1 && builds.get(builds.size() - 1).hoursPerUnit() < builds.get(0).hoursPerUnit();
        int score = (int) Math.min(75, 25 * (versions - 1) + 25 * accepted) + (faster ? 25 : 0);
        String curve = builds.isEmpty() ? "no completed build yet" : "person-hours per unit by build: " + builds.stream()
                .map(b -> b.startsOn() + " " + String.format(Locale.ROOT, "%.1f", b.hoursPerUnit()) + " h (" + b.units() + " units, v" + b.version() + ")")
                .collect(Collectors.joining(", "));
        String next = score == 100 ? null : builds.size() < 2 ? "build it again and compare the hours per unit"
                : !faster ? "find what made the latest build slower per unit" : "release an improved version, or accept another chapter's";
        return new Criterion("design optimization", score, versions + " versions; " + accepted
                + " improvements from other chapters accepted; " + curve + " (25 points for each version after the first and each improvement, "
                + "up to 75; 25 when the latest build took fewer hours per unit than the first)", next);
    }

    /** OKH's required fields, links, checks on every task, and a lesson for every skill it needs. */
    private Criterion documentation(Design d, List<BuildTask> tasks) {
        List<String> lacking = new ArrayList<>();
        if (d.description() == null || d.description().isBlank()) {
            lacking.add("a description of what it does");
        }
        if (d.authors() == null || d.authors().isBlank()) {
            lacking.add("its authors");
        }
        if (d.repo() == null || d.repo().isBlank()) {
            lacking.add("its source repository");
        }
        if (d.links() == null || d.links().isBlank()) {
            lacking.add("links to drawings or instructions");
        }
        if (tasks.isEmpty()) {
            lacking.add("build tasks");
        }
        Set<String> taught = learning.modules().stream().map(Module::skill).collect(Collectors.toSet());
        Set<String> untaught = new TreeSet<>();
        tasks.forEach(t -> t.skills().stream().map(SkillNeed::skill).filter(s -> !taught.contains(s)).forEach(untaught::add));
        if (!untaught.isEmpty()) {
            lacking.add("lessons for " + String.join(", ", untaught));
        }
        int items = 6;
        int score = (int) Math.round(100.0 * (items - Math.min(items, lacking.size())) / items);
        return new Criterion("documentation", score, (items - Math.min(items, lacking.size())) + " of " + items
                + " (description, authors, repository, links, tasks, lessons for its skills)", lacking.isEmpty() ? null : "add " + String.join("; ", lacking));
    }
}
