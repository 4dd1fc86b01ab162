package microfactory.equipment;

import org.springframework.stereotype.Component;

import microfactory.common.DemoData;

/** Twelve bays, as the source's "12 bays × one weekend a month". */
@Component
class EquipmentDemo implements DemoData {

    private final EquipmentService equipment;

    EquipmentDemo(EquipmentService equipment) {
        this.equipment = equipment;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public void load() {
        String[][] bays = {
            {"B01", "Assembly bay 1", "assembly", "160", "Swarm-build bay with a 5-ton gantry; tractors and cars."},
            {"B02", "Assembly bay 2", "assembly", "160", "Swarm-build bay with a 5-ton gantry; tractors and cars."},
            {"B03", "Assembly bay 3", "assembly", "160", "Swarm-build bay; house modules and large frames."},
            {"B04", "Assembly bay 4", "assembly", "160", "Swarm-build bay; house modules and large frames."},
            {"B05", "Welding bay", "welding", "120", "Six MIG stations with fume extraction."},
            {"B06", "CNC torch table bay", "cutting", "100", "4×8 ft CNC plasma torch table and plate rack."},
            {"B07", "Machining bay", "machining", "90", "Lathe, mill and drill press."},
            {"B08", "Hydraulics bay", "hydraulics", "80", "Hose crimper, test bench and hydraulic motors."},
            {"B09", "3D printing lab", "printing", "60", "A farm of open-source 3D printers and a filament recycler."},
            {"B10", "Electronics bench", "electronics", "60", "Soldering, solar-panel lamination and testing."},
            {"B11", "Earth & concrete yard", "masonry", "200", "CEB press, soil sifter and concrete mixer, outdoors."},
            {"B12", "Wood shop", "woodworking", "120", "Table saw, CNC router and framing tables."},
        };
        for (String[] b : bays) {
            equipment.addBay(new BayEdit(b[0], b[1], b[2], Integer.parseInt(b[3]), b[4]));
        }
        String[][] machines = { // code, name, type, count, bay, skill, level, dollars an hour
            {"torch-table", "CNC torch table 4x8 ft", "torch-table", "1", "B06", "cnc", "1", "40"},
            {"mig-welders", "MIG welders", "welder", "6", "B05", "welding", "1", "15"},
            {"robot-arm", "Welding robot arm", "robot-arm", "1", "B05", "welding", "3", "60"},
            {"gantry-hoists", "Gantry hoists, 5 t", "hoist", "3", "B01", "safety", "1", "10"},
            {"hose-crimper", "Hydraulic hose crimper", "crimper", "1", "B08", "hydraulics", "1", "10"},
            {"paint-booth", "Paint booth", "paint-booth", "1", "B04", "safety", "1", "25"},
            {"printer-farm", "Open-source 3D printers", "3d-printer", "12", "B09", "3d-printing", "1", "3"},
            {"ceb-press", "CEB press (Liberator)", "ceb-press", "1", "B11", "ceb-press", "1", "30"},
            {"lathe", "Metal lathe", "lathe", "1", "B07", "safety", "1", "20"},
            {"mill", "Milling machine", "mill", "1", "B07", "safety", "1", "20"},
            {"table-saw", "Table saw", "table-saw", "1", "B12", "safety", "1", "8"},
            {"laminator", "Solar laminator", "laminator", "1", "B10", "safety", "1", "12"},
            {"multimeters", "Multimeters", "multimeter", "4", "B10", "electrical", "1", "0"},
            {"crusher", "Soil sifter", "soil-sifter", "1", "B11", "safety", "1", "5"},
        };
        for (String[] m : machines) {
            equipment.addMachine(new MachineEdit(m[0], m[1], m[2], m[4], Integer.parseInt(m[3]), m[5], Integer.parseInt(m[6]),
                    Long.parseLong(m[7]) * 100));
        }
    }
}
