package microfactory.kit;

import java.util.List;
import java.util.Map;

import microfactory.common.ChapterSettings;
import microfactory.common.Money;
import microfactory.designs.DesignKit;
import microfactory.equipment.EquipmentKit;
import microfactory.learning.ModuleDraft;
import microfactory.ledger.report.Economics;
import microfactory.members.PlanTerms;

/**
 * The kit's handbook, generated from what the kit holds: what the enterprise does, what to buy, the numbers, and how
 * to start a chapter from it. Markdown, so it reads as plain text and renders on any forge.
 */
final class Handbook {

    private Handbook() {
    }

    static String write(ChapterSettings chapter, List<DesignKit.KitDesign> designs, List<ModuleDraft> modules, List<PlanTerms> plans,
                        List<EnterpriseKit.CampaignTemplate> campaigns, EquipmentKit.Floor floor, Economics measured,
                        Map<String, Integer> counts) {
        String money = chapter.currency();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(chapter.chapterName()).append(": the enterprise kit\n\n");
        md.append("Everything this microfactory knows, free to copy: ").append(counts.get("designs")).append(" open designs (")
                .append(counts.get("versions")).append(" versions), ").append(counts.get("modules")).append(" learning modules, ")
                .append(counts.get("plans")).append(" membership plans, ").append(counts.get("machines")).append(" kinds of machine in ")
                .append(counts.get("bays")).append(" bays. Made from ").append(chapter.publicUrl()).append(".\n\n");

        md.append("## What the enterprise does\n\n");
        md.append("Members learn a skill in minutes, earn badges, and build products from open designs in swarm builds. ")
                .append("Every cent in and out and every badge sits on a public ledger anyone can verify.\n\n");
        for (DesignKit.KitDesign d : designs) {
            DesignKit.KitVersion latest = d.versions().get(d.versions().size() - 1);
            md.append("- **").append(d.name()).append("** (`").append(d.slug()).append("`, version ").append(latest.label()).append(", ")
                    .append(d.licence()).append(d.forkedFrom() == null ? "" : ", forked from " + d.forkedFrom()).append(")")
                    .append(latest.referencePriceMinor() == null ? "" : ": a unit is worth "
                            + Money.of(latest.referencePriceMinor(), latest.currency()).formatted()).append('\n');
        }

        md.append("\n## What to buy\n\n");
        if (floor.machines().isEmpty()) {
            md.append("The origin chapter lists no machines.\n");
        }
        for (EquipmentKit.KitMachine m : floor.machines()) {
            md.append("- ").append(m.count()).append(" × ").append(m.name()).append(" (type `").append(m.type()).append("`")
                    .append(m.bay() == null ? "" : ", bay " + m.bay()).append("; users need the ").append(m.skill()).append(" badge, level ")
                    .append(m.level()).append(m.maintenance() == null || m.maintenance().isEmpty() ? "" : "; " + m.maintenance().size()
                            + " maintenance plans").append(")\n");
        }
        int area = floor.bays().stream().mapToInt(b -> b.areaM2() == null ? 0 : b.areaM2()).sum();
        md.append("\nFloor: ").append(floor.bays().size()).append(" bays, ").append(area).append(" m² in all.\n");

        md.append("\n## The numbers\n\n");
        md.append("- Capital raised: ").append(Money.of(measured.capitalRaisedMinor(), money).formatted()).append('\n');
        md.append("- Units produced: ").append(measured.unitsProduced()).append(", worth ")
                .append(Money.of(measured.valueProducedMinor(), money).formatted()).append('\n');
        md.append("- Value per day: ").append(Money.of(measured.valuePerDayMinor(), money).formatted()).append('\n');
        md.append("- Payback: ").append(measured.paybackReachedOn() != null ? "reached on " + measured.paybackReachedOn()
                : measured.paybackProjectedOn() != null ? "projected for " + measured.paybackProjectedOn() : "not yet projected").append('\n');
        if (chapter.startUpCapitalTargetMinor() != null) {
            md.append("- Start-up capital target: ").append(Money.of(chapter.startUpCapitalTargetMinor(), money).formatted()).append('\n');
        }
        md.append("\nMembership plans:\n\n");
        for (PlanTerms p : plans) {
            md.append("- ").append(p.name()).append(" (`").append(p.code()).append("`): ")
                    .append(p.annualDuesMinor() != null && p.annualDuesMinor() > 0 ? Money.of(p.annualDuesMinor(), p.currency()).formatted() + " a year"
                            : p.valueShareBp() != null ? p.valueShareBp() / 100.0 + " % of the value produced" : "free").append('\n');
        }
        for (EnterpriseKit.CampaignTemplate c : campaigns) {
            md.append("\nCampaign template: **").append(c.title()).append("**, ").append(Money.of(c.goalMinor(), c.currency()).formatted())
                    .append(" in ").append(c.days()).append(" days (").append(c.mode().toLowerCase().replace('_', ' ')).append(")\n");
        }

        md.append("\n## The curriculum\n\n");
        for (ModuleDraft m : modules) {
            md.append("- ").append(m.title()).append(" (").append(m.minutes()).append(" min): the ").append(m.skill()).append(" badge, level ")
                    .append(m.level()).append(Boolean.TRUE.equals(m.practical()) ? ", signed off by a mentor" : "").append('\n');
        }

        md.append("\n## How to start\n\n");
        md.append("1. Check the kit: `java -jar microfactory.jar kit verify kit.zip` (add `--key` with the origin's key from ")
                .append(chapter.publicUrl()).append("/ledger/key to be sure who made it).\n");
        md.append("2. Found your chapter from it: `java -jar microfactory.jar chapter init --kit kit.zip --name \"Your chapter\" ")
                .append("--currency XXX --time-zone Area/City --public-url https://… --admin-email you@… --admin-password …`.\n");
        md.append("3. Start it: `java -jar microfactory.jar`, log in, and put each machine in service as it arrives on the floor.\n");
        md.append("4. Raise the start-up capital with a campaign like the one above, teach the first modules, and run the first build.\n");
        return md.toString();
    }
}
