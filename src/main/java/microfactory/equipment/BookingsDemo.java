package microfactory.equipment;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import microfactory.common.ChapterSettings;
import microfactory.common.ConflictException;
import microfactory.common.DemoData;
import microfactory.learning.LearningService;
import microfactory.members.Member;
import microfactory.members.MemberService;
import microfactory.members.MemberSummary;

/** Members' bookings across the coming week: printers, welders, the torch table and the table saw, by those with the badge. */
@Component
class BookingsDemo implements DemoData {

    private final MachineBookings bookings;
    private final EquipmentService equipment;
    private final MemberService members;
    private final LearningService learning;
    private final ChapterSettings chapter;
    private final Clock clock;
    private final JobFiles jobs;

    BookingsDemo(MachineBookings bookings, EquipmentService equipment, MemberService members, LearningService learning,
                 ChapterSettings chapter, Clock clock, JobFiles jobs) {
        this.jobs = jobs;
        this.bookings = bookings;
        this.equipment = equipment;
        this.members = members;
        this.learning = learning;
        this.chapter = chapter;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 55; // after production: builds hold their machines first
    }

    /** A 40 mm calibration square, two layers, as a slicer writes it. */
    static final String SQUARE = """
            ; calibration square 40 x 40 mm
            G21 ; millimetres
            G90
            M117 Printing square
            G28 ; home
            G0 X90 Y90 Z0.2 F6000
            G1 X130 Y90 F1500
            G1 X130 Y130
            G1 X90 Y130
            G1 X90 Y90
            G0 Z0.4
            G1 X130 Y90
            G1 X130 Y130
            G1 X90 Y130
            G1 X90 Y90
            G2 X110 Y70 I20 J0 F900 ; a flourish
            G0 Z10
            """;

    /** A tractor-frame gusset to cut from plate: a triangle with a rounded corner and two bolt holes, drawn in mm. */
    static final String GUSSET = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="200mm" height="200mm" viewBox="0 0 200 200">
              <title>LifeTrac frame gusset, 6 mm plate</title>
              <path d="M 10,190 L 190,190 L 190,40 A 30,30 0 0 0 160,10 L 10,160 Z"/>
              <circle cx="150" cy="150" r="8.5"/>
              <circle cx="60" cy="150" r="8.5"/>
            </svg>
            """;

    @Override
    public void load() {
        // Learners book a week ahead with an hour's notice, for a few hours; producers have more time on the machines.
        bookings.setRule("learner", 7, 60, 4);
        bookings.setRule("flat-dues", 21, 0, 10);
        bookings.setRule("value-share", 21, 0, 20);
        jobs.setEnvelope("printer-farm", 220, 220, 250, 6000, null);
        jobs.setEnvelope("torch-table", 1220, 2440, 100, 10000, 2500);
        ZoneId zone = chapter.zone();
        LocalDate today = chapter.today(clock);
        List<Member> people = members.search(null, true, 0).stream().map(MemberSummary::member).toList();
        String[] machines = {"printer-farm", "mig-welders", "torch-table", "table-saw", "printer-farm", "laminator"};
        Map<String, List<Member>> mayUse = new HashMap<>();
        for (String code : machines) {
            Machine m = equipment.machine(code);
            mayUse.computeIfAbsent(code, c -> people.stream().filter(p -> learning.gate(p.id(), m.skill(), m.level()).allowed()).toList());
        }
        int k = 0;
        boolean cutJob = false;
        for (int day = 1; day <= 7; day++) {
            for (String code : machines) {
                List<Member> allowed = mayUse.get(code);
                if (allowed.isEmpty()) {
                    continue;
                }
                Member who = allowed.get(k++ % allowed.size()); // each in turn
                int hour = 9 + (k % 4) * 2;
                try {
                    Booking b = bookings.book(who.id(), code, today.plusDays(day).atTime(hour, 0).atZone(zone).toInstant(),
                            today.plusDays(day).atTime(hour + 2, 0).atZone(zone).toInstant());
                    if (code.equals("printer-farm") && day == 1) {
                        jobs.attach(b.id(), who.id(), false, "calibration-square.gcode", SQUARE.getBytes(StandardCharsets.UTF_8));
                    }
                    if (code.equals("torch-table") && jobs.job(b.id()).isEmpty() && !cutJob) {
                        jobs.attach(b.id(), who.id(), false, "frame-gusset.svg", GUSSET.getBytes(StandardCharsets.UTF_8));
                        cutJob = true;
                    }
                } catch (ConflictException e) {
                    // taken by a build or the week's hours are used: the next one
                }
            }
        }
    }
}
