package microfactory.production;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import microfactory.common.ChapterSettings;
import microfactory.common.DemoData;
import microfactory.equipment.MachineEdit;
import microfactory.members.MemberService;
import microfactory.members.MemberSummary;
import microfactory.merit.MeritService;

/**
 * The demo's production: a printer workshop a month ago (six printers over a long weekend, built, six serials on the
 * ledger) and an open tractor swarm build a visitor can join: 3 units in 5 days, a crew of 24 and 6 trainees, scheduled.
 */
@Component
class ProductionDemo implements DemoData {

    private final ProductionService production;
    private final MemberService members;
    private final MeritService merit;
    private final Clock clock;
    private final ChapterSettings chapter;

    private final UnitRecords units;

    private final UnitQualityControl quality;

    private final UnitLifetime lifetime;
    ProductionDemo(ProductionService production, MemberService members, MeritService merit, Clock clock,
                   UnitRecords units, UnitQualityControl quality, UnitLifetime lifetime, ChapterSettings chapter) {
        this.chapter = chapter;
        this.lifetime = lifetime;
        this.quality = quality;
        this.units = units;
        this.production = production;
        this.members = members;
        this.merit = merit;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 50; // after designs, machines and badges
    }

    @Override
    public void load() {
        buildPastPrinterWorkshop();
        rollBarFromScrap();
        Run run = production.create(new RunRequest("lifetrac", 3, chapter.today(clock).plusDays(14), 5, 480, 1020, 24, 6,
                List.of(new RunRequest.Role("welding", 2, 4), new RunRequest.Role("hydraulics", 2, 4), new RunRequest.Role("cnc", 1, 2))));
        int trainees = 0;
        for (MemberSummary s : members.search(null, true, 0)) {
            if (s.member().email().equals("member@demo.local")) {
                continue; // leave the demo member free to join
            }
            long id = s.member().id();
            Seat seat = production.seats(run.id()).stream().filter(x -> x.free() > 0 && merit.levelOf(id, x.skill()) >= x.level())
                .findFirst().orElse(null);
            if (seat != null) {
                production.signUp(run.id(), id, SignupRole.CREW, seat.id());
            } else if (production.qualifiesForCrew(run, id)) {
                production.signUp(run.id(), id, SignupRole.CREW);
            } else if (trainees++ < 3) {
                production.signUp(run.id(), s.member().id(), SignupRole.TRAINEE);
            }
        }
        production.schedule(run.id(), 1_000);
        openSolarWorkshop();
    }

    /** An open build with free seats, so a visitor can sign up at once: a weekend of solar panels, three weeks ahead. */
    private void openSolarWorkshop() {
        Run solar = production.create(new RunRequest("solar-panel", 4, chapter.today(clock).plusDays(21), 2, 540, 1020, 8, 4));
        members.search(null, true, 0).stream().map(s -> s.member().id())
                .filter(id -> production.qualifiesForCrew(solar, id))
                .limit(2).forEach(id -> production.signUp(solar.id(), id, SignupRole.CREW));
    }

    /** The source's "build 6 machines over a weekend": a printer workshop, built, with six serials on the ledger. */
    /** Schedules a past run and has its crew do every task, checks passed: its units (or lots) come off the line. */
    private void buildAll(Run past) {
        production.schedule(past.id(), 500);
        for (RunTask t : production.schedule(past.id())) {
            String who = t.people().get(0);
            long id = production.signups(past.id()).stream().filter(s -> s.publicId().equals(who)).findFirst().orElseThrow().memberId();
            production.startTask(past.id(), t.key(), who);
            Map<String, Boolean> checks = new HashMap<>();
            t.checklist().forEach(item -> checks.put(item, true));
            production.finishTask(past.id(), t.key(), who, id, checks, "");
        }
    }

    /** Materials production: a batch of the bar mill turned the scrap bin into bar stock a fortnight ago. */
    private void rollBarFromScrap() {
        Run mill = production.create(new RunRequest("bar-mill-batch", 1, chapter.today(clock).minusDays(14), 1, 480, 1020, 2, 0));
        members.search(null, true, 0).stream().map(s -> s.member().id()).filter(id -> production.qualifiesForCrew(mill, id)).limit(2)
                .forEach(id -> production.signUp(mill.id(), id, SignupRole.CREW));
        buildAll(mill);
    }

    private void buildPastPrinterWorkshop() {
        Run past = production.create(new RunRequest("3d-printer", 6, chapter.today(clock).minusDays(30), 3, 540, 1080, 12, 0));
        List<MemberSummary> people = new ArrayList<>(members.search(null, true, 0));
        people.sort(Comparator.comparingInt(s -> -merit.levelOf(s.member().id(), "3d-printing"))); // printer people first
        for (MemberSummary s : people) {
            if (production.signups(past.id()).size() < 12 && production.qualifiesForCrew(past, s.member().id())) {
                production.signUp(past.id(), s.member().id(), SignupRole.CREW);
            }
        }
        buildAll(past);
        List<Unit> printers = production.units(past.id());
        // The steward, holding the quality badge, signs the final inspection of five; the sixth waits.
        members.findByEmail("steward@demo.local").ifPresent(steward -> printers.stream().limit(5).forEach(u ->
                quality.inspect(u.serial(), steward.id(), true, "ran a 20 mm cube: within 0.15 mm; belts and wiring checked")));
        for (int i = 0; i < printers.size(); i++) {
            if (i < printers.size() - 3) {
                units.assignOwner(printers.get(i).serial(), printers.get(i).builders().get(0)); // builders take theirs home
            } else if (i == printers.size() - 3) { // one joins the chapter's own printer park: a machine it built
                units.commission(printers.get(i).serial(), new MachineEdit("printer-built-" + past.id(), "3D printer built here",
                        "3d-printer", "B09", 1, "3d-printing", 1, 300L));
            } else {
                units.offer(printers.get(i).serial(), 145_000L); // the last two go to the showroom
            }
        }
        // Their lives go on: one printer serviced, one taken back at its end and shredded into filament, one owner asking.
        members.findByEmail("steward@demo.local").ifPresent(steward -> {
            lifetime.record(printers.get(1).serial(), steward.id(), new UnitLifetime.EventRequest("service", "Belts tensioned, nozzle "
                    + "replaced, bed re-levelled", null, null, List.of(new UnitLifetime.MaterialUse("pla-filament", BigDecimal.valueOf(0.1), "kg")),
                    null));
            lifetime.record(printers.get(2).serial(), steward.id(), new UnitLifetime.EventRequest("end-of-life", "Frame cracked in a fall; "
                    + "taken back, printed parts shredded, electronics kept as spares", null, null,
                    List.of(new UnitLifetime.MaterialUse("recycled-filament", BigDecimal.valueOf(0.6), "kg")), null));
            long owner = production.units(past.id()).get(0).ownerId(); // owners were named above
            lifetime.requestService(printers.get(0).serial(), owner, false, "The extruder clicks on long prints");
        });
    }
}
