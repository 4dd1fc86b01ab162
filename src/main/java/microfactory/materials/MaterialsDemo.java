package microfactory.materials;

import java.math.BigDecimal;

import org.springframework.stereotype.Component;

import microfactory.common.DemoData;

/**
 * The demo chapter's stores: steel, lumber, concrete, plastic filament (some of it recycled), hose, fluid and
 * electronics, bought with their costs on the ledger — enough for most builds, but short of hose for the tractors.
 */
@Component
class MaterialsDemo implements DemoData {

    private final MaterialService materials;

    MaterialsDemo(MaterialService materials) {
        this.materials = materials;
    }

    @Override
    public int order() {
        return 35; // after designs, before production: scheduled builds reserve from this stock
    }

    @Override
    public void load() {
        add("steel", "Mild steel tube, plate and sheet", "steel", "kg", 1500, 110);
        add("steel-recycled", "Recycled steel bar, hot-rolled from the chapter's scrap", "steel", "kg", 0, 40, true);
        add("steel-scrap", "Steel offcuts and scrap, sorted for the bar mill", "steel", "kg", 0, 0, true);
        add("stud-2x6-8ft", "Stud 2x6 in, 8 ft", "lumber", "pcs", 100, 548);
        add("osb-7-16", "OSB sheet 7/16 in, 4x8 ft", "lumber", "pcs", 20, 1250);
        add("concrete-mix", "Concrete mix, 80 lb bag", "concrete", "pcs", 20, 625);
        add("pla-filament", "PLA filament 1.75 mm", "plastic", "kg", 5, 2200);
        add("recycled-filament", "Filament extruded from shredded HDPE", "plastic", "kg", 0, 300, true);
        add("hose-half-inch", "Hydraulic hose 1/2 in, 3000 psi", "hydraulics", "ft", 50, 420);
        add("hydraulic-fluid-aw46", "Hydraulic fluid AW46", "hydraulics", "l", 40, 360);
        add("arduino-mega", "Arduino Mega 2560", "electronics", "pcs", 2, 4840);

        receive("steel", 6000, 660_000, "first steel order: tube, plate and sheet");
        receive("stud-2x6-8ft", 240, 131_520, null);
        receive("osb-7-16", 40, 50_000, null);
        receive("concrete-mix", 60, 37_500, null);
        receive("pla-filament", 12, 26_400, null);
        receive("hose-half-inch", 100, 42_000, "one reel: the tractors need more");
        receive("hydraulic-fluid-aw46", 120, 43_200, null);
        receive("arduino-mega", 4, 19_360, null);
        // The closed loop at work: offcuts rolled into bar, failed prints and bottle caps extruded into filament.
        materials.move(new MoveRequest("steel", "scrap", BigDecimal.valueOf(180), null, null, null, null, null, null, null, null,
                "offcuts and drops from the torch table"), null);
        materials.move(new MoveRequest("steel-scrap", "recycle", BigDecimal.valueOf(180), null, null, null, null, null, null, "steel",
                BigDecimal.valueOf(180), "offcuts sorted into the bar mill's bin"), null);
        materials.move(new MoveRequest("recycled-filament", "recycle", BigDecimal.valueOf(2.4), null, null, null, null, null, null,
                "pla-filament", BigDecimal.valueOf(3), "shredded failed prints and HDPE caps"), null);
    }

    private void add(String code, String name, String klass, String unit, double reorder, long costMinor) {
        add(code, name, klass, unit, reorder, costMinor, false);
    }

    private void add(String code, String name, String klass, String unit, double reorder, long costMinor, boolean recycled) {
        materials.create(code, name, klass, unit, BigDecimal.valueOf(reorder), costMinor, recycled);
    }

    private void receive(String code, double quantity, long costMinor, String note) {
        materials.move(new MoveRequest(code, "receipt", BigDecimal.valueOf(quantity), null, null, costMinor, null, null, null, null, null, note),
                null);
    }
}
