package microfactory.designs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import microfactory.common.DemoData;
import microfactory.designs.bom.BomLine;
import microfactory.designs.bom.PartKind;
import microfactory.designs.bom.Unit;

/**
 * The demo catalogue, after Open Source Ecology's construction sets: a CEB brick press, a LifeTrac-like
 * tractor, a 3D printer, a solar panel and a house wall module, each with a BOM and build tasks; and a
 * fork of the tractor, as every build is.
 */
@Component
class DesignsDemo implements DemoData {

    private final DesignService designs;

    DesignsDemo(DesignService designs) {
        this.designs = designs;
    }

    @Override
    public int order() {
        return 30;
    }

    /** Collects BOM lines and tasks with little ceremony. */
    private static final class Builder {
        final List<BomLine> lines = new ArrayList<>();
        final List<BuildTask> tasks = new ArrayList<>();

        Builder asm(String parent, String part, double qty) {
            lines.add(new BomLine(lines.size() + 2, parent, part, BigDecimal.valueOf(qty), unit("pcs"), PartKind.ASSEMBLY, null, null,
                    null, null, null, null, null, null, null));
            return this;
        }

        Builder buy(String parent, String part, double qty, String unit, double price, String supplier) {
            lines.add(new BomLine(lines.size() + 2, parent, part, BigDecimal.valueOf(qty), unit(unit), PartKind.BOUGHT,
                    Math.round(price * 100), "USD", supplier, null, null, null, null, null, null));
            return this;
        }

        Builder make(String parent, String part, double qty, String material, double materialQty, String materialUnit,
                     double price, String process, String machine) {
            lines.add(new BomLine(lines.size() + 2, parent, part, BigDecimal.valueOf(qty), unit("pcs"), PartKind.MADE,
                    Math.round(price * 100), "USD", null, material, BigDecimal.valueOf(materialQty), unit(materialUnit), process, machine,
                    null));
            return this;
        }

        /** The last line draws on this stock material (a chapter's catalogue code). */
        Builder stock(String materialCode) {
            BomLine l = lines.remove(lines.size() - 1);
            lines.add(new BomLine(l.line(), l.parent(), l.part(), l.quantity(), l.unit(), l.kind(), l.unitPriceMinor(), l.currency(),
                    l.supplier(), l.materialClass(), l.materialQuantity(), l.materialUnit(), l.process(), l.machine(), materialCode));
            return this;
        }

        Builder task(String code, String name, int minutes, String bay, String skills, String machines, String after,
                     String... checks) {
            tasks.add(new BuildTask(code, name, minutes, bay, BuildTask.parseSkills(skills), BuildTask.parseMachines(machines),
                    BuildTask.parseList(after, " "), List.of(checks)));
            return this;
        }

        /** Lines made of a material class draw on this stock material. */
        void stockByClass(String materialClass, String materialCode) {
            lines.replaceAll(l -> !materialClass.equals(l.materialClass()) ? l : new BomLine(l.line(), l.parent(), l.part(), l.quantity(), l.unit(),
                    l.kind(), l.unitPriceMinor(), l.currency(), l.supplier(), l.materialClass(), l.materialQuantity(), l.materialUnit(),
                    l.process(), l.machine(), materialCode));
        }

        /** The standard the last task's checks refer to. */
        Builder standard(String standard) {
            BuildTask t = tasks.remove(tasks.size() - 1);
            tasks.add(new BuildTask(t.code(), t.name(), t.minutes(), t.bayKind(), t.skills(), t.machines(), t.predecessors(), t.checklist(),
                    standard));
            return this;
        }

        private static Unit unit(String s) {
            return Unit.of(s).orElseThrow();
        }
    }

    @Override
    public void load() {
        Builder ceb = new Builder()
                .asm(null, "frame", 1).asm(null, "compression chamber", 1).asm(null, "hydraulic system", 1).asm(null, "hopper and shaker", 1)
                .asm(null, "controller", 1)
                .make("frame", "leg, 4x4 tube 1/4 in x 36 in", 4, "steel", 28.6, "kg", 62, "cut", "torch-table")
                .make("frame", "cross member, 4x4 tube x 28 in", 4, "steel", 22.3, "kg", 48, "cut", "torch-table")
                .make("frame", "base plate 1/2 in", 2, "steel", 18.4, "kg", 40, "plasma cut", "torch-table")
                .buy("frame", "bolt 3/4 in x 5 in, grade 8", 16, "pcs", 2.85, "Fastenal")
                .make("compression chamber", "chamber wall 1/2 in plate", 4, "steel", 21.0, "kg", 46, "plasma cut", "torch-table")
                .make("compression chamber", "pressing plate 1 in", 1, "steel", 14.2, "kg", 35, "plasma cut", "torch-table")
                .make("compression chamber", "drawer 1/2 in plate", 1, "steel", 16.0, "kg", 38, "plasma cut", "torch-table")
                .buy("hydraulic system", "cylinder 5 in bore x 10 in stroke", 1, "pcs", 389, "Surplus Center")
                .buy("hydraulic system", "cylinder 2.5 in bore x 12 in stroke", 1, "pcs", 129, "Surplus Center")
                .buy("hydraulic system", "solenoid valve, tandem center", 2, "pcs", 215, "Surplus Center")
                .buy("hydraulic system", "hydraulic hose 1/2 in", 24, "ft", 4.20, "Surplus Center").stock("hose-half-inch")
                .buy("hydraulic system", "power cube (27 hp engine and pump)", 1, "pcs", 3950, "OSE")
                .make("hopper and shaker", "hopper sheet 11 ga", 4, "steel", 12.5, "kg", 28, "cut and bend", "torch-table")
                .buy("hopper and shaker", "vibration motor", 1, "pcs", 145, "Grainger")
                .buy("controller", "Arduino Mega", 1, "pcs", 48.40, "Arduino").stock("arduino-mega")
                .buy("controller", "relay board, 4 channel", 1, "pcs", 12, "DigiKey")
                .buy("controller", "pressure sensor 3000 psi", 2, "pcs", 39, "DigiKey")
                .buy("controller", "enclosure IP65", 1, "pcs", 34, "DigiKey")
                // Shaped like the vIV press's own parts tree: repeated bolted sub-assemblies, ~500 part instances in all.
                .asm("frame", "leg support", 10)
                .make("leg support", "leg support tube, 2x2 in x 10 in", 1, "steel", 2.9, "kg", 9, "cut", "torch-table")
                .make("leg support", "leg foot plate 1/4 in", 1, "steel", 1.1, "kg", 4, "plasma cut", "torch-table")
                .buy("leg support", "hex bolt 1/2 in x 3 in", 2, "pcs", 0.95, "Fastenal")
                .buy("leg support", "hex nut 1/2 in", 2, "pcs", 0.12, "Fastenal")
                .asm("compression chamber", "modular angle attachment", 12)
                .make("modular angle attachment", "drawer support angle 2x2x1/4 in", 1, "steel", 1.6, "kg", 6, "cut", "torch-table")
                .buy("modular angle attachment", "hex bolt 3/8 in x 1.5 in", 2, "pcs", 0.45, "Fastenal")
                .buy("modular angle attachment", "hex nut 3/8 in", 2, "pcs", 0.08, "Fastenal")
                .asm("compression chamber", "chamber bolting", 1)
                .buy("chamber bolting", "hex bolt 5/8 in x 2.5 in, grade 8", 77, "pcs", 1.35, "Fastenal")
                .buy("chamber bolting", "hex nut 5/8 in, grade 8", 77, "pcs", 0.32, "Fastenal")
                .buy("chamber bolting", "lock washer 5/8 in", 77, "pcs", 0.09, "Fastenal")
                .asm("hopper and shaker", "hopper bolting", 1)
                .buy("hopper bolting", "carriage bolt 3/8 in x 1 in", 40, "pcs", 0.38, "Fastenal")
                .buy("hopper bolting", "flange nut 3/8 in", 40, "pcs", 0.14, "Fastenal")
                .task("C1", "cut frame tubes", 90, "cutting", "cnc:1x1", "torch-table:1", "", "lengths within 1/16 in")
                .task("C2", "cut plates", 120, "cutting", "cnc:1x1", "torch-table:1", "", "no dross on edges")
                .task("W1", "weld frame", 180, "welding", "welding:2x2", "welder:2", "C1", "frame square within 1/8 in", "welds penetrate").standard("AWS D1.1 visual inspection")
                .task("W2", "weld chamber", 240, "welding", "welding:3x1", "welder:1", "C2", "chamber square", "drawer slides freely").standard("AWS D1.1 visual inspection")
                .task("A1", "mount chamber on frame", 60, "assembly", "assembly:1x2", "hoist:1", "W1 W2", "bolts torqued")
                .task("H1", "mount cylinders and valves", 120, "hydraulics", "hydraulics:2x1", "", "A1", "no leaks at 2,500 psi").standard("ISO 4413 pressure test")
                .task("H2", "plumb hoses", 90, "hydraulics", "hydraulics:1x2", "crimper:1", "H1", "hoses clear of pinch points")
                .task("W3", "weld hopper", 120, "welding", "welding:1x1", "welder:1", "C2", "hopper seams closed")
                .task("A2", "mount hopper and shaker", 45, "assembly", "assembly:1x2", "hoist:1", "A1 W3")
                .task("E1", "wire controller and sensors", 120, "electronics", "electrical:1x1", "multimeter:1", "A1", "sensors read pressure")
                .task("T1", "press test bricks", 60, "yard", "ceb-press:2x1;safety:1x1", "", "H2 A2 E1", "10 bricks", "bricks within 1/8 in");
        ceb.stockByClass("steel", "steel"); // frames from new steel: the scrap bin feeds the bar mill, not the press
        designs.create("ceb-press", new DesignContent("CEB Press", "Presses compressed earth blocks from soil: 16 blocks a minute for houses.",
                "CC-BY-SA-4.0", "Open Source Ecology", "https://github.com/OpenSourceEcology/CEB-Press", "5.0", ceb.lines, ceb.tasks), null);

        Builder trac = new Builder()
                .asm(null, "frame", 1).asm(null, "wheel unit", 4).asm(null, "loader", 1).asm(null, "hydraulics", 1).asm(null, "controls", 1)
                .make("frame", "frame rail, 4x4 tube 1/4 in x 8 ft", 4, "steel", 76.3, "kg", 165, "cut", "torch-table")
                .make("frame", "cross tube 4x4 x 44 in", 6, "steel", 35.0, "kg", 76, "cut", "torch-table")
                .make("frame", "engine mount plate 1/2 in", 2, "steel", 9.6, "kg", 22, "plasma cut", "torch-table")
                .buy("frame", "bolt 3/4 in x 6 in, grade 8", 48, "pcs", 3.10, "Fastenal")
                .buy("wheel unit", "hydraulic wheel motor 24 cu in", 1, "pcs", 312, "Surplus Center")
                .buy("wheel unit", "tire and rim 26x12-12", 1, "pcs", 189, "Tractor Supply")
                .make("wheel unit", "motor mount plate 1/2 in", 1, "steel", 7.2, "kg", 18, "plasma cut", "torch-table")
                .buy("wheel unit", "wheel bolt 1/2 in", 8, "pcs", 0.95, "Fastenal")
                .make("loader", "loader arm, 4x4 tube x 7 ft", 2, "steel", 66.8, "kg", 145, "cut", "torch-table")
                .make("loader", "bucket, 11 ga sheet", 1, "steel", 48.0, "kg", 110, "cut and bend", "torch-table")
                .buy("loader", "pin 1.25 in x 6 in", 6, "pcs", 14.5, "McMaster-Carr")
                .buy("hydraulics", "power cube 27 hp", 1, "pcs", 3950, "OSE")
                .buy("hydraulics", "cylinder 3 in x 16 in", 2, "pcs", 185, "Surplus Center")
                .buy("hydraulics", "cylinder 2.5 in x 12 in", 2, "pcs", 129, "Surplus Center")
                .buy("hydraulics", "valve, 4 section", 1, "pcs", 410, "Surplus Center")
                .buy("hydraulics", "hose 1/2 in", 60, "ft", 4.20, "Surplus Center").stock("hose-half-inch")
                .buy("hydraulics", "hydraulic fluid AW46", 20, "l", 3.60, "Tractor Supply").stock("hydraulic-fluid-aw46")
                .buy("controls", "seat", 1, "pcs", 89, "Tractor Supply")
                .buy("controls", "joystick valve control", 1, "pcs", 245, "Surplus Center")
                .buy("controls", "battery 12 V", 1, "pcs", 119, "Tractor Supply")
                .asm("controls", "controller node", 1).asm("hydraulics", "fittings", 1);
        String[][] electronics = { // after LifeTrac v25's controller BOM
            {"Portenta Max Carrier", "1", "335"}, {"Portenta X8", "1", "200"}, {"LoRa antenna 915 MHz", "1", "8"},
            {"microSD card 32 GB, industrial", "1", "15"}, {"EMI filter for 12 V input", "1", "8"}, {"battery cutoff switch 175 A", "1", "18"},
            {"blade fuse kit", "1", "15"}, {"Opta PLC", "1", "150"}, {"Opta D1608S relay expansion", "1", "151"},
            {"Opta A0602 analog expansion", "1", "100"}, {"engine-kill relay 30 A", "1", "8"}, {"safety relay, dual channel", "1", "90"},
            {"RS-485 cable and terminators", "1", "8"}, {"DIN rail 35 mm", "1", "15"}, {"GPS patch antenna", "1", "20"},
            {"status LED panel", "1", "10"}, {"piezo buzzer 12 V", "1", "6"}, {"Deutsch DT connector kit", "1", "80"},
            {"enclosure IP65 250x200x100", "1", "45"}, {"cable gland M20", "6", "3"}, {"IMU board BNO086", "1", "30"},
        };
        for (String[] e : electronics) {
            trac.buy("controller node", e[0], Double.parseDouble(e[1]), "pcs", Double.parseDouble(e[2]), "DigiKey");
        }
        String[][] fittings = {
            {"JIC 1/2 in straight adapter", "16", "6.4"}, {"JIC 1/2 in 90° elbow", "8", "9.2"}, {"quick coupler pair 1/2 in", "4", "24"},
            {"hose clamp", "12", "1.1"}, {"return filter 10 micron", "1", "38"}, {"suction strainer", "1", "22"},
            {"pressure gauge 0-3000 psi", "1", "19"}, {"relief valve 2500 psi", "1", "65"}, {"hydraulic tank 15 gal", "1", "189"},
            {"tee 1/2 in", "4", "11"},
        };
        for (String[] f : fittings) {
            trac.buy("fittings", f[0], Double.parseDouble(f[1]), "pcs", Double.parseDouble(f[2]), "Surplus Center");
        }
        addTractorTasks(trac);
        trac.stockByClass("steel", "steel");
        designs.create("lifetrac", new DesignContent("LifeTrac tractor", "A modular 4-wheel hydraulic tractor with a loader; every part is open.",
                "GPL-3.0-or-later", "Open Source Ecology", "https://github.com/OpenSourceEcology/LifeTrac", "6.0", trac.lines, trac.tasks), null);

        Builder printer = new Builder()
                .asm(null, "frame", 1).asm(null, "axis", 3).asm(null, "extruder", 1).asm(null, "electronics", 1)
                .make("frame", "printed frame corner", 8, "plastic", 0.09, "kg", 2.2, "print", "3d-printer")
                .buy("frame", "aluminium extrusion 2020 x 400 mm", 12, "pcs", 6.5, "OpenBuilds")
                .buy("axis", "NEMA 17 stepper", 1, "pcs", 14, "StepperOnline")
                .buy("axis", "GT2 belt", 1.2, "m", 2.5, "StepperOnline")
                .buy("axis", "linear rod 8 mm x 400 mm", 2, "pcs", 7.8, "McMaster-Carr")
                .make("axis", "printed carriage", 1, "plastic", 0.06, "kg", 1.5, "print", "3d-printer")
                .buy("extruder", "hot end", 1, "pcs", 39, "E3D")
                .make("extruder", "printed extruder body", 1, "plastic", 0.05, "kg", 1.3, "print", "3d-printer")
                .buy("electronics", "controller board", 1, "pcs", 42, "Bigtreetech")
                .buy("electronics", "power supply 24 V 350 W", 1, "pcs", 29, "Mean Well")
                .buy("electronics", "heated bed 300 mm", 1, "pcs", 45, "Prusa");
        printer.task("P1", "print plastic parts", 480, "printing", "3d-printing:1x1", "3d-printer:1", "", "parts not warped")
                .task("F1", "assemble frame", 60, "printing", "assembly:1x1", "", "P1", "frame square")
                .task("X1", "mount axes", 90, "printing", "assembly:1x1", "", "F1", "axes move freely")
                .task("E1", "mount extruder", 45, "printing", "assembly:1x1", "", "X1")
                .task("E2", "wire electronics", 60, "electronics", "electrical:1x1", "multimeter:1", "X1", "no shorts")
                .task("T1", "calibrate and test print", 60, "printing", "3d-printing:2x1", "", "E1 E2", "test cube within 0.2 mm").standard("20 mm calibration cube, measured with calipers");
        designs.create("3d-printer", new DesignContent("Open 3D printer", "A RepRap-style printer that prints most of its own parts.",
                "GPL-3.0-or-later", "RepRap and OSE contributors", "https://reprap.org", "2.1", printer.lines, printer.tasks), null);

        Builder solar = new Builder()
                .buy(null, "monocrystalline cell 166 mm", 60, "pcs", 1.9, "Cell supplier")
                .buy(null, "tempered glass 3.2 mm", 1, "pcs", 38, "Glass supplier")
                .buy(null, "EVA encapsulant", 3.4, "m2", 2.6, "Encapsulant supplier")
                .buy(null, "backsheet", 1.7, "m2", 3.1, "Encapsulant supplier")
                .buy(null, "tabbing ribbon", 18, "m", 0.22, "Ribbon supplier")
                .buy(null, "junction box with diodes", 1, "pcs", 6.5, "Component supplier")
                .make(null, "aluminium frame profile", 4, "aluminium", 0.55, "kg", 7.5, "cut", "table-saw");
        solar.task("S1", "solder cell strings", 180, "electronics", "solar:1x2", "", "", "no cracked cells")
                .task("S2", "lay up glass, EVA and strings", 60, "electronics", "solar:2x1", "", "S1")
                .task("S3", "laminate", 25, "electronics", "solar:1x1", "laminator:1", "S2", "no bubbles")
                .task("S4", "frame and junction box", 45, "electronics", "assembly:1x1", "", "S3")
                .task("S5", "test under sun", 20, "electronics", "electrical:1x1", "multimeter:1", "S4", "open-circuit voltage 36-40 V");
        designs.create("solar-panel", new DesignContent("Solar panel 300 W", "A 60-cell panel laminated in the factory.", "CERN-OHL-S-2.0",
                "Maysville Microfactory", "", "1.0", solar.lines, solar.tasks), null);

        Builder wall = new Builder()
                .buy(null, "2x6 stud 8 ft", 7, "pcs", 5.48, "Lumber yard").stock("stud-2x6-8ft")
                .buy(null, "OSB 7/16 in 4x8 sheet", 1, "pcs", 12.50, "Lumber yard").stock("osb-7-16")
                .buy(null, "16d nail", 60, "pcs", 0.04, "Hardware store")
                .buy(null, "8d nail for sheathing", 80, "pcs", 0.03, "Hardware store")
                .buy(null, "construction screw 3 in", 12, "pcs", 0.21, "Hardware store");
        wall.task("H1", "cut plates and studs", 30, "woodworking", "woodworking:1x1", "table-saw:1", "", "lengths within 1/8 in")
                .task("H2", "frame the wall", 40, "woodworking", "woodworking:1x2", "", "H1", "diagonals equal within 1/4 in")
                .task("H3", "sheathe with OSB", 25, "woodworking", "woodworking:1x2", "", "H2", "nails every 6 in at edges")
                .task("H4", "label and stack", 10, "woodworking", "assembly:1x1", "", "H3");
        designs.create("wall-module-4x8", new DesignContent("House wall module 4x8 ft", "A 2x6 framed, OSB sheathed wall module: "
                + "houses go up in days from a stack of these.", "CC-BY-SA-4.0", "Open Source Ecology", "https://github.com/OpenSourceEcology/iconic-cad",
                "1.0", wall.lines, wall.tasks), null);

        // Materials production: a batch of the bar mill turns 100 kg of sorted scrap into 92 kg of hot-rolled bar.
        Builder bar = new Builder()
                .make(null, "hot-rolled bar 1 in round", 1, "steel", 100, "kg", 0, "heat and roll", null).stock("steel-scrap");
        bar.task("R1", "heat scrap in the furnace", 90, "welding", "welding:1x1", "", "", "billet at forging heat")
                .task("R2", "roll into bar", 60, "welding", "welding:1x2", "", "R1", "bar within 1/32 in").standard("ASTM A6 tolerances");
        designs.create("bar-mill-batch", new DesignContent("Bar from scrap steel", "A batch of the on-site bar mill: sorted offcuts and "
                + "scrap heated and hot-rolled into 1 in round bar for the next builds.", "CC-BY-SA-4.0", "Open Source Ecology", "", "1.0",
                bar.lines, bar.tasks), null);
        designs.setOutput("bar-mill-batch", "1.0", "steel-recycled", BigDecimal.valueOf(92));

        // What one unit of each is worth: the value a build adds (the tractor's $18,500 is the source's figure).
        price("ceb-press", 950_000);
        price("lifetrac", 1_850_000);
        price("3d-printer", 120_000);
        price("solar-panel", 30_000);
        price("wall-module-4x8", 140_000);
        designs.fork("lifetrac", "lifetrac-maysville", "LifeTrac tractor (Maysville fork)", null);
    }

    /** The tractor's 25 build steps, with the crew and machines each needs. */
    private static void addTractorTasks(Builder b) {
        String[][] steps = {
            {"T01", "cut frame rails", "cnc:1x1", "torch-table:1", "60", ""},
            {"T02", "cut brackets", "cnc:1x1", "torch-table:1", "45", ""},
            {"T03", "weld frame", "welding:2x1", "welder:1", "120", "T01"},
            {"T04", "weld brackets", "welding:1x1", "welder:1", "60", "T02"},
            {"T05", "fit brackets", "assembly:1x1", "", "45", "T03 T04"},
            {"T06", "mount engine", "assembly:2x2", "hoist:1", "90", "T05"},
            {"T07", "mount pump", "hydraulics:2x1", "", "60", "T06"},
            {"T08", "cut hoses", "hydraulics:1x1", "crimper:1", "40", ""},
            {"T09", "crimp hoses", "hydraulics:2x1", "crimper:1", "50", "T08"},
            {"T10", "route hoses", "hydraulics:1x1", "", "70", "T07 T09"},
            {"T11", "mount wheel motors", "hydraulics:2x1", "hoist:1", "80", "T05"},
            {"T12", "mount wheels", "assembly:1x1", "hoist:1", "40", "T11"},
            {"T13", "weld loader arms", "welding:3x1", "robot-arm:1", "90", "T03"},
            {"T14", "mount loader", "assembly:2x2", "hoist:1", "60", "T12 T13"},
            {"T15", "mount cylinders", "hydraulics:2x1", "", "60", "T14 T10"},
            {"T16", "wire controls", "electrical:1x1", "", "60", "T06"},
            {"T17", "mount battery", "electrical:1x1", "", "30", "T16"},
            {"T18", "mount seat", "assembly:1x1", "", "30", "T05"},
            {"T19", "mount valves", "hydraulics:2x1", "", "45", "T10 T16"},
            {"T20", "fill and bleed", "hydraulics:1x1", "", "40", "T15 T19"},
            {"T21", "paint frame", "painting:1x1", "paint-booth:1", "60", "T03"},
            {"T22", "grease points", "assembly:1x1", "", "20", "T20"},
            {"T23", "test drive", "assembly:2x1;safety:1x1", "", "30", "T20 T17 T18"},
            {"T24", "test loader", "hydraulics:2x1", "", "30", "T23"},
            {"T25", "quality check", "assembly:3x1", "", "30", "T24 T22 T21"},
        };
        for (String[] s : steps) {
            b.task(s[0], s[1], Integer.parseInt(s[4]), "assembly", s[2], s[3], s[5], "done as the drawing shows");
        }
    }

    /** How often each demo design wants service: a tractor yearly, a printer every six months. */
    private static final Map<String, Integer> SERVICE_MONTHS = Map.of("lifetrac", 12, "ceb-press", 12, "3d-printer", 6, "solar-panel", 60);

    private void price(String slug, long minor) {
        designs.setReferencePrice(slug, designs.view(slug).version().label(), minor);
        designs.setServiceInterval(slug, designs.view(slug).version().label(), SERVICE_MONTHS.get(slug));
    }
}
