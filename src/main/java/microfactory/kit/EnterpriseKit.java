package microfactory.kit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import microfactory.common.ChapterSettings;
import microfactory.common.KitFiles;
import microfactory.designs.DesignKit;
import microfactory.equipment.EquipmentKit;
import microfactory.funding.CampaignService;
import microfactory.funding.NewTier;
import microfactory.learning.CurriculumKit;
import microfactory.ledger.LedgerEconomics;
import microfactory.ledger.LedgerService;
import microfactory.ledger.report.Economics;
import microfactory.ledger.report.EconomicsJson;
import microfactory.ledger.tlog.Checkpoint;
import microfactory.ledger.tlog.NoteKeys;
import microfactory.ledger.tlog.SignedNote;
import microfactory.members.Plan;
import microfactory.members.PlanService;
import microfactory.members.PlanTerms;
import microfactory.signing.ChapterKey;
import microfactory.signing.SigningKeys;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The chapter's enterprise kit — "download all knowhow, designs, and enterprise plans for free": every design with every
 * version, the curriculum, membership plans, campaign templates, the economic model and the chapter's measured figures,
 * the machine park and bays, and a handbook, signed with the chapter's key ({@link KitArchive}). {@link #load} gives a new
 * chapter all of it.
 */
@Service
public class EnterpriseKit {

    static final String PLANS = "plans.json";
    static final String CAMPAIGNS = "funding/campaign-templates.json";
    static final String ECONOMICS = "economics.json";
    static final String CHECKPOINT = "ledger/checkpoint";
    static final String HANDBOOK = "HANDBOOK.md";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A campaign as a template for the next chapter: what it asked, how long it ran, its tiers. */
    public record CampaignTemplate(String title, String story, long goalMinor, String currency, long days, String mode, List<NewTier> tiers) {
    }

    private final DesignKit designs;
    private final CurriculumKit curriculum;
    private final EquipmentKit equipment;
    private final PlanService plans;
    private final CampaignService campaigns;
    private final LedgerService ledger;
    private final LedgerEconomics economics;
    private final SigningKeys keys;
    private final ChapterSettings chapter;
    private final Clock clock;

    EnterpriseKit(DesignKit designs, CurriculumKit curriculum, EquipmentKit equipment, PlanService plans, CampaignService campaigns,
                  LedgerService ledger, LedgerEconomics economics, SigningKeys keys, ChapterSettings chapter, Clock clock) {
        this.designs = designs;
        this.curriculum = curriculum;
        this.equipment = equipment;
        this.plans = plans;
        this.campaigns = campaigns;
        this.ledger = ledger;
        this.economics = economics;
        this.keys = keys;
        this.chapter = chapter;
        this.clock = clock;
    }

    /** The signed archive, made now from what the chapter holds. */
    public byte[] export() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.putAll(designs.export());
        files.putAll(curriculum.export(slug(chapter.chapterName()) + "-skills", chapter.chapterName() + " skills"));
        files.putAll(equipment.export());
        List<PlanTerms> planTerms = plans.all().stream().map(EnterpriseKit::terms).toList();
        files.put(PLANS, pretty(planTerms));
        List<CampaignTemplate> templates = campaigns.campaigns().stream().map(c -> new CampaignTemplate(c.title(), c.story(), c.goalMinor(),
                c.currency(), Math.max(1, Duration.between(c.createdAt(), c.deadline()).toDays()), c.mode().name(),
                c.tiers().stream().map(t -> new NewTier(t.name(), t.amountMinor(), t.maxBackers(), t.planCode())).toList())).toList();
        files.put(CAMPAIGNS, pretty(templates));
        Economics measured = economics.economics();
        ObjectNode model = JSON.createObjectNode().put("currency", chapter.currency());
        model.putObject("targets").put("productionPerDayMinor", chapter.productionPerDayTargetMinor())
                .put("hourlyValueMinor", chapter.hourlyValueMinor()).put("startUpCapitalMinor", chapter.startUpCapitalTargetMinor());
        model.set("measured", JSON.readTree(EconomicsJson.write(measured)));
        files.put(ECONOMICS, pretty(model));
        String checkpointNote = ledger.checkpoint();
        files.put(CHECKPOINT, checkpointNote.getBytes(StandardCharsets.UTF_8));
        Checkpoint checkpoint = Checkpoint.parse(SignedNote.parse(checkpointNote).text());

        EquipmentKit.Floor floor = EquipmentKit.floor(files);
        List<DesignKit.KitDesign> index = DesignKit.index(files);
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("designs", index.size());
        counts.put("versions", index.stream().mapToInt(d -> d.versions().size()).sum());
        counts.put("modules", CurriculumKit.modules(files).size());
        counts.put("plans", planTerms.size());
        counts.put("campaignTemplates", templates.size());
        counts.put("bays", floor.bays().size());
        counts.put("machines", floor.machines().size());
        files.put(HANDBOOK, Handbook.write(chapter, index, CurriculumKit.modules(files), planTerms, templates, floor, measured, counts)
                .getBytes(StandardCharsets.UTF_8));

        ChapterKey key = keys.chapterKey();
        var about = new KitArchive.Manifest(KitArchive.FORMAT, chapter.chapterName(), chapter.publicUrl(), chapter.currency(),
                chapter.zone().getId(), key.name(), ledger.verifierKey(),
                new KitArchive.Checkpoint(checkpoint.size(), Base64.getEncoder().encodeToString(checkpoint.root())),
                clock.instant(), counts, List.of());
        int keyId = NoteKeys.keyId(key.name(), NoteKeys.raw(key.publicKey()));
        return KitArchive.write(about, files, text -> SignedNote.sign(text, key.name(), key.privateKey(), keyId));
    }

    /** What a new chapter took from a kit. */
    public record Loaded(int designs, int tracks, int modules, int skills, int plans, int bays, int machines) {
    }

    /**
     * Gives the chapter (new, founded in the same transaction) everything of a checked kit: designs, curriculum, plans,
     * bays and machines. Plans priced in another currency arrive inactive, for the stewards to price anew.
     */
    @Transactional
    public Loaded load(KitArchive.Kit kit) {
        Map<String, byte[]> files = kit.files();
        int d = designs.load(files);
        CurriculumKit.Loaded c = curriculum.load(files);
        int p = 0;
        for (PlanTerms t : read(files, PLANS, new TypeReference<List<PlanTerms>>() { })) {
            if (plans.all().stream().noneMatch(x -> x.code().equals(t.code()))) {
                boolean sameMoney = chapter.currency().equals(t.currency());
                plans.create(new PlanTerms(t.code(), t.name(), t.kind(), t.annualDuesMinor(), t.currency(), t.valueShareBp(), t.usufructRight(),
                        t.trainingRight(), t.description(), sameMoney && !Boolean.FALSE.equals(t.active())));
                p++;
            }
        }
        EquipmentKit.Loaded e = equipment.load(files);
        return new Loaded(d, c.tracks(), c.modules(), c.skills(), p, e.bays(), e.machines());
    }

    private static PlanTerms terms(Plan p) {
        return new PlanTerms(p.code(), p.name(), p.kind(), p.annualDuesMinor(), p.currency(), p.valueShareBp(), p.usufructRight(),
                p.trainingRight(), p.description(), p.active());
    }

    static <T> List<T> read(Map<String, byte[]> files, String name, TypeReference<List<T>> type) {
        return KitFiles.read(files, name, type, List.of());
    }

    private static byte[] pretty(Object value) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(value);
    }

    static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return s.isEmpty() ? "chapter" : s;
    }
}
