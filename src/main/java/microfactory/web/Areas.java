package microfactory.web;

import java.util.List;
import java.util.Optional;

/** The map of the chapter's areas, as DESIGN names them. Flip {@code built} when a feature lands. */
public final class Areas {

    public static final List<Area> ALL = List.of(
        new Area("/plans", "Membership", true,
            "Plans, dues and the rights membership gives.", List.of()),
        new Area("/learn", "Learn", true,
            "Rapid learning: tracks, modules you finish in minutes, assessments and progress.",
            List.of("Tracks: know-what (core technologies), know-how (skills), know-why (mindset)",
                    "Modules with lessons, images and videos, and how many minutes each takes",
                    "Assessments with a pass mark, and sign-off by a mentor for practical skills",
                    "A QR code on every machine that opens its lesson on your phone")),
        new Area("/badges", "Badges", true,
            "Merit badges: you learn something, you have merit to do it.",
            List.of("Skills at levels, earned by passing modules",
                    "Open Badges 3.0 credentials anyone can verify, with expiry and revocation",
                    "Which machines and build tasks each badge unlocks")),
        new Area("/designs", "Designs", true,
            "Open product designs: construction sets any chapter can build, fork and improve.",
            List.of("Versions and forks with their lineage", "Multi-level bills of materials with costs and materials",
                    "Build tasks with skills, machines and their critical path", "Open Know-How import and export")),
        new Area("/production", "Production", true,
            "Swarm builds: crews of 24 building in 5-day runs across the bays.",
            List.of("Runs you can sign up for, by the roles your badges qualify you for",
                    "A schedule of people and machines, drawn as a Gantt chart", "Your day's tasks on your phone",
                    "Units with serial numbers coming off the line")),
        new Area("/equipment", "Bays & machines", true,
            "The factory floor: bays, machines, their status and the badge each needs.", List.of()),
        new Area("/materials", "Materials", true,
            "Steel, concrete, lumber and plastic: stock, moves and closed material loops.",
            List.of("Stock per material", "Receipts, consumption, production, recycling and scrap",
                    "How much of what comes in goes round again")),
        new Area("/lifetime", "Lifetime", true,
            "Every unit built has a lifetime record: service, repairs, upgrades, end of life.",
            List.of("Each unit's owner and history", "Service and upgrade records", "Materials recovered at end of life")),
        new Area("/funding", "Funding", true,
            "The start-up campaign and every pledge, sale and workshop fee.",
            List.of("Campaigns with a funding bar: 1,000 backers × $5,000 = $5M",
                    "Pledges pending until a campaign closes", "The payback curve: $5M ÷ $20k a day = 250 days")),
        new Area("/ledger", "Ledger", true,
            "The transparent ledger: every cent in and out and every badge issued, verifiable by anyone.",
            List.of("Double-entry transfers and balances", "A Merkle log with signed checkpoints",
                    "Proofs for each entry, and a one-command offline verification")),
        new Area("/network", "Network", true,
            "The open franchise: the enterprise kit and the chapters that replicate it.",
            List.of("The signed enterprise kit: designs, curriculum, plan and economics",
                    "Chapters that follow and witness each other's ledgers",
                    "Alarms when a chapter's ledger forks")));

    private Areas() {
    }

    public static Optional<Area> at(String path) {
        return ALL.stream().filter(a -> a.path().equals(path)).findFirst();
    }
}
