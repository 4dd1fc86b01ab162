package microfactory.equipment;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A machine's week as a calendar grid: a column per day, hours down the side, a block for each hold (booking, build,
 * maintenance). Holds that overlap on a day sit side by side. The hours shown are 07:00–19:00, widened to fit every block.
 */
public record MachineWeek(LocalDate first, List<Column> days, List<Hour> hours, List<Block> blocks, int width, int height) {

    static final int AXIS = 40;
    static final int HEADER = 30;
    static final int DAY = 94;
    static final int HOUR = 22;

    public record Column(double x, String label, String date, boolean today) {
    }

    public record Hour(double y, String label) {
    }

    public record Block(double x, double y, double width, double height, String css, String label, String title) {
        public boolean labelFits() {
            return height >= 14 && width >= 30;
        }
    }

    static MachineWeek of(LocalDate first, List<HeldSlot> held, ZoneId zone, LocalDate today) {
        int fromHour = 7;
        int toHour = 19;
        LocalDateTime start = first.atStartOfDay();
        LocalDateTime end = first.plusDays(7).atStartOfDay();
        List<Piece> pieces = new ArrayList<>();
        for (HeldSlot h : held) {
            LocalDateTime a = max(LocalDateTime.ofInstant(h.start(), zone), start);
            LocalDateTime b = min(LocalDateTime.ofInstant(h.end(), zone), end);
            // A hold over midnight is one piece per day.
            while (a.isBefore(b)) {
                LocalDateTime dayEnd = a.toLocalDate().plusDays(1).atStartOfDay();
                LocalDateTime pieceEnd = min(b, dayEnd);
                int from = a.getHour() * 60 + a.getMinute();
                int to = pieceEnd.equals(dayEnd) ? 1440 : pieceEnd.getHour() * 60 + pieceEnd.getMinute();
                pieces.add(new Piece((int) (a.toLocalDate().toEpochDay() - first.toEpochDay()), from, to, h));
                fromHour = Math.min(fromHour, from / 60);
                toHour = Math.max(toHour, (to + 59) / 60);
                a = pieceEnd;
            }
        }
        List<Column> days = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            LocalDate date = first.plusDays(d);
            DayOfWeek dow = date.getDayOfWeek();
            days.add(new Column(AXIS + d * DAY, dow.getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + date.getDayOfMonth(),
                    date.toString(), date.equals(today)));
        }
        List<Hour> hours = new ArrayList<>();
        for (int h = fromHour; h <= toHour; h++) {
            hours.add(new Hour(HEADER + (h - fromHour) * HOUR, String.format("%02d:00", h)));
        }
        List<Block> blocks = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            int day = d;
            List<Piece> ofDay = pieces.stream().filter(p -> p.day() == day).sorted((x, y) -> Integer.compare(x.from(), y.from())).toList();
            List<Integer> laneEnds = new ArrayList<>();
            int[] lane = new int[ofDay.size()];
            for (int k = 0; k < ofDay.size(); k++) {
                Piece p = ofDay.get(k);
                int l = 0;
                while (l < laneEnds.size() && laneEnds.get(l) > p.from()) {
                    l++;
                }
                if (l == laneEnds.size()) {
                    laneEnds.add(p.to());
                } else {
                    laneEnds.set(l, p.to());
                }
                lane[k] = l;
            }
            double laneWidth = (DAY - 4.0) / Math.max(1, laneEnds.size());
            for (int k = 0; k < ofDay.size(); k++) {
                Piece p = ofDay.get(k);
                double y = HEADER + (p.from() - fromHour * 60) * HOUR / 60.0;
                double h = Math.max(3, (p.to() - p.from()) * HOUR / 60.0);
                blocks.add(new Block(AXIS + d * DAY + 2 + lane[k] * laneWidth, y, laneWidth - 1, h, p.hold().by().label(),
                        p.hold().who(), p.hold().what()));
            }
        }
        return new MachineWeek(first, days, hours, blocks, AXIS + 7 * DAY, HEADER + (toHour - fromHour) * HOUR + 8);
    }

    private record Piece(int day, int from, int to, HeldSlot hold) {
    }

    private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }

    public String previous() {
        return first.minusDays(7).toString();
    }

    public String next() {
        return first.plusDays(7).toString();
    }
}
