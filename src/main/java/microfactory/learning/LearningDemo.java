package microfactory.learning;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.stereotype.Component;

import microfactory.common.DemoData;
import microfactory.members.MemberService;
import microfactory.members.MemberSummary;
import microfactory.merit.MeritService;

/**
 * A real curriculum in miniature, after OSE's tracks: safety, welding, CNC torch table, hydraulics, 3D
 * printing, CEB press operation and collaborative literacy; and demo members holding badges at varied levels,
 * each issued through merit, so the ledger carries them.
 */
@Component
class LearningDemo implements DemoData {

    private final LearningRepository learning;
    private final MeritService merit;
    private final MemberService members;
    private final StarterCurriculum starter;

    LearningDemo(LearningRepository learning, MeritService merit, MemberService members, StarterCurriculum starter) {
        this.learning = learning;
        this.starter = starter;
        this.merit = merit;
        this.members = members;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public void load() {
        Track.STANDARD.forEach(learning::insertTrack);

        starter.add(); // shop safety and the quality badge's modules, as every chapter has them

        long weld1 = module("welding-basics", "know-how", "Welding basics (MIG)", "welding", 1, 25, true, List.of("shop-safety"), """
                # MIG welding, level 1
                Clean the steel to bright metal. Set wire speed and voltage from the chart on the welder.
                - Push the gun at 10–15°, keep the stick-out about 10 mm.
                - A good bead is flat and even, with no holes (porosity).
                A mentor signs you off after you weld a test coupon that passes a bend test.
                """);
        choice(weld1, 1, "Holes in a weld bead are called…", 2, "undercut", "spatter", "porosity");
        number(weld1, 2, "Stick-out in millimetres?", 10, 3);

        long weld2 = module("structural-welding", "know-how", "Structural welding", "welding", 2, 40, true, List.of("welding-basics"), """
                # Structural welds
                Frame welds carry the tractor. Bevel plate thicker than 6 mm and weld in passes.
                """);
        choice(weld2, 1, "Plate thicker than 6 mm should be…", 0, "bevelled", "painted", "heated to red");

        long cnc = module("cnc-torch-table", "know-what", "CNC torch table", "cnc", 1, 20, false, List.of("shop-safety"), """
                # The CNC torch table
                The table cuts steel plate from a drawing. Check the consumables, zero the torch, and watch the first cut.
                """);
        choice(cnc, 1, "Before the first cut you…", 1, "oil the table", "zero the torch height", "open the doors");
        number(cnc, 2, "Plate 1/4 in thick is how many mm (to the nearest mm)?", 6, 0.5);

        long hyd = module("hydraulics-101", "know-what", "Hydraulics 101", "hydraulics", 1, 20, false, List.of(), """
                # Hydraulic power
                Pressure times area is force: a 5 in cylinder at 2,500 psi pushes about 49,000 lbf. Never feel for a leak with a hand.
                """);
        number(hyd, 1, "Area of a 2 in bore in square inches (π r², to one decimal)?", 3.1, 0.1);
        choice(hyd, 2, "To find a pinhole leak you use…", 2, "your hand", "a rag", "cardboard");

        long print = module("3d-printing", "know-how", "3D printing", "3d-printing", 1, 15, false, List.of(), """
                # Print your own parts
                Level the bed, check the first layer, and store filament dry.
                """);
        choice(print, 1, "A first layer that does not stick usually means…", 0, "the bed is not level", "the room is cold", "the file is old");

        long ceb = module("ceb-press", "know-how", "CEB press operation", "ceb-press", 1, 20, true, List.of("hydraulics-101", "shop-safety"), """
                # Pressing earth blocks
                Soil with 10–30 % clay, moist enough to hold its shape when squeezed. Keep hands clear of the hopper.
                """);
        choice(ceb, 1, "Good block soil has how much clay?", 1, "0–5 %", "10–30 %", "over 60 %");

        long collab = module("collaborative-literacy", "know-why", "Collaborative literacy", "collaboration", 1, 10, false, List.of(), """
                # Open source, together
                Every design here is open: fork it, improve it, publish the improvement. Swarm builds work because everyone
                documents what they do.
                """);
        choice(collab, 1, "When you improve a design you…", 0, "publish the fork", "keep it secret", "sell the drawing");

        moreSkills();

        // Badges for demo members at varied levels; each goes on the ledger as badge.issued.
        String[] skills = {"safety", "welding", "cnc", "hydraulics", "3d-printing", "ceb-press", "assembly", "electrical", "painting"};
        List<MemberSummary> people = members.search(null, true, 0);
        for (int k = 0; k < people.size(); k++) {
            long id = people.get(k).member().id();
            merit.issue(id, "safety", 1, "module shop-safety");
            for (int s = 1; s < skills.length; s++) {
                if ((k + s) % 3 == 0) {
                    merit.issue(id, skills[s], 1 + (k / 3 + s) % 3, "demo history"); // levels 1 to 3, spread over people
                }
            }
        }
        members.findByEmail("steward@demo.local").ifPresent(m -> {
            merit.issue(m.id(), "welding", 3, "demo history");
            merit.issue(m.id(), "hydraulics", 2, "demo history");
            merit.issue(m.id(), "quality", 2, "demo history"); // signs final inspections
        });
    }

    /**
     * A route to every skill at every level the demo's designs and machines ask for: assembly, electrical, painting,
     * woodworking, solar, and the higher levels of welding, hydraulics, 3D printing and the CEB press. These are
     * theory modules, so each badge can be earned here without a mentor above the level.
     */
    private void moreSkills() {
        long asm1 = module("assembly-basics", "know-how", "Assembly basics", "assembly", 1, 15, false, List.of("shop-safety"), """
                # Putting modules together
                Read the build card, lay out the parts, and torque bolts to the value on the drawing, in a cross pattern.
                """);
        choice(asm1, 1, "Bolts on a flange are tightened…", 1, "one side first", "in a cross pattern", "as tight as you can");
        long asm2 = module("team-assembly", "know-how", "Assembly in a crew", "assembly", 2, 20, false, List.of("assembly-basics"), """
                # Lifting and fitting together
                Two people lift above 25 kg; the gantry above 50 kg. One person calls the moves; everyone else answers.
                """);
        choice(asm2, 1, "Above how many kilograms does a part go on the gantry?", 2, "10", "25", "50");
        long asm3 = module("assembly-lead", "know-how", "Leading an assembly bay", "assembly", 3, 30, false, List.of("team-assembly"), """
                # Running the bay
                Check each task's quality points before the next starts; a failed check stops the line until it is fixed.
                """);
        choice(asm3, 1, "A failed quality check means…", 0, "the next task waits", "note it for later", "skip to the next unit");
        long elec = module("electrical-basics", "know-what", "Electrical basics", "electrical", 1, 20, false, List.of("shop-safety"), """
                # Volts, amps and safety
                Power equals volts times amps. Measure before you touch: a multimeter on the right range, probes on dry hands.
                """);
        number(elec, 1, "Watts drawn by 12 V at 5 A?", 60, 0.5);
        long paint = module("painting-basics", "know-how", "Painting and coating", "painting", 1, 15, false, List.of("shop-safety"), """
                # A finish that lasts
                Degrease, sand to a key, prime within the hour, and paint in the booth with the fan on and a respirator.
                """);
        choice(paint, 1, "Primer goes on…", 0, "soon after sanding", "the next week", "over rust");
        long wood = module("woodworking-basics", "know-how", "Woodworking basics", "woodworking", 1, 20, false, List.of("shop-safety"), """
                # Framing with lumber
                Measure twice, cut once. Keep the blade guard down on the table saw and push short stock with a push stick.
                """);
        choice(wood, 1, "Short stock goes through the table saw…", 1, "by hand", "with a push stick", "twice");
        long solar1 = module("solar-basics", "know-what", "Solar cells", "solar", 1, 15, false, List.of(), """
                # From cells to strings
                Cells are fragile: hold them by the edges. A string joins cells in series; its voltage is the sum of theirs.
                """);
        number(solar1, 1, "Volts of 10 cells of 0.5 V in series?", 5, 0.05);
        long solar2 = module("solar-lamination", "know-how", "Laminating a panel", "solar", 2, 25, false, List.of("solar-basics"), """
                # The laminator
                Glass, EVA, strings, EVA, backsheet; laminate at the temperature on the film's sheet, then test the open voltage.
                """);
        choice(solar2, 1, "Between the strings and the glass goes…", 2, "backsheet", "air", "EVA");
        long hyd2 = module("hydraulic-circuits", "know-how", "Hydraulic circuits", "hydraulics", 2, 25, false, List.of("hydraulics-101"), """
                # Valves, hoses and relief
                The relief valve caps the pressure; set it before the first run. Hoses crimped with the right die never weep.
                """);
        choice(hyd2, 1, "What limits the pressure in a circuit?", 0, "the relief valve", "the hose", "the tank");
        long weld3 = module("robot-welding", "know-how", "Robot-arm welding", "welding", 3, 30, false, List.of("structural-welding"), """
                # Teaching the robot
                Teach the path at low speed, check the torch angle at every point, and stand outside the cell when it runs.
                """);
        choice(weld3, 1, "While the robot welds you stand…", 1, "beside the torch", "outside the cell", "on the table");
        long print2 = module("printer-tuning", "know-how", "Tuning a printer", "3d-printing", 2, 20, false, List.of("3d-printing"), """
                # Calibrated prints
                Calibrate the extruder steps, then flow, then temperature, with a test cube measured to 0.1 mm.
                """);
        choice(print2, 1, "Which do you calibrate first?", 0, "extruder steps", "temperature", "speed");
        long ceb2 = module("ceb-production", "know-how", "CEB production runs", "ceb-press", 2, 20, false, List.of("ceb-press"), """
                # A thousand blocks a day
                Sift the soil, keep its moisture steady, and check every fiftieth block for size and strength.
                """);
        choice(ceb2, 1, "How often is a block checked?", 1, "never", "every fiftieth", "only the first");
    }

    private long module(String code, String track, String title, String skill, int level, int minutes, boolean practical,
                        List<String> prerequisites, String lesson) {
        return learning.insertModule(code, track, title, skill, level, minutes, lesson.strip(), 60, practical, prerequisites);
    }

    private void choice(long module, int seq, String prompt, int answer, String... choices) {
        learning.insertQuestion(module, seq, "CHOICE", prompt, List.of(choices), BigDecimal.valueOf(answer), BigDecimal.ZERO);
    }

    private void number(long module, int seq, String prompt, double answer, double tolerance) {
        learning.insertQuestion(module, seq, "NUMBER", prompt, List.of(""), BigDecimal.valueOf(answer), BigDecimal.valueOf(tolerance));
    }
}
