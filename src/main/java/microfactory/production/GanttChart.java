package microfactory.production;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A Gantt chart people can read: working time only (the nights and the hours outside the run's working day are
 * collapsed), a fixed width per hour so a phone scrolls sideways instead of shrinking the bars, a time axis with
 * each day's date and the hours on the chapter's clock, and each task's code on its bar where it fits.
 */
public record GanttChart(List<Row> rows, List<Day> days, List<Tick> ticks, double width, double height) {

    static final double LABEL = 118;
    static final double PER_HOUR = 44;
    static final double ROW = 26;
    static final double AXIS = 34;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    /** One line of the chart: a bay or a person. */
    public record Row(String label, double y, List<Bar> bars) {
    }

    /** A task on a row; {@code code} is shown on the bar when it fits. */
    public record Bar(double x, double y, double width, String code, String title, String css, boolean trainee, int unit) {
        public boolean labelFits() {
            return width >= code.length() * 7 + 6;
        }
    }

    /** A working day's band on the axis. */
    public record Day(double x, double width, String label) {
    }

    /** An hour line; labelled every other hour. */
    public record Tick(double x, String label) {
    }

    /** By bay: who is where, the critical chain marked. */
    static GanttChart byBay(Run run, List<RunTask> tasks, RunDashboard dashboard, String me) {
        List<String> bays = tasks.stream().map(RunTask::bay).distinct().sorted().toList();
        return of(run, bays, Function.identity(), bay -> tasks.stream().filter(t -> t.bay().equals(bay)).toList(),
                (t, row) -> css(t, dashboard, t.involves(me)), (t, row) -> false);
    }

    /** By person (named for members of the chapter, by pseudonym for everyone else); trainee places drawn lighter. */
    static GanttChart byPerson(Run run, List<RunTask> tasks, RunDashboard dashboard, Map<String, String> names, String me) {
        List<String> people = tasks.stream().flatMap(t -> Stream.concat(t.people().stream(), t.trainees().stream()))
                .distinct().sorted(Comparator.comparing(p -> names.getOrDefault(p, p))).toList();
        return of(run, people, p -> names.getOrDefault(p, p), p -> tasks.stream().filter(t -> t.involves(p)).toList(),
                (t, row) -> css(t, dashboard, row.equals(me)), (t, row) -> t.trainees().contains(row));
    }

    private static GanttChart of(Run run, List<String> keys, Function<String, String> label, Function<String, List<RunTask>> tasksOf,
                                 BiFunction<RunTask, String, String> css,
                                 BiPredicate<RunTask, String> trainee) {
        int dayLength = run.dayEnd() - run.dayStart();
        int lastDay = Math.max(run.days(), keys.stream().flatMap(k -> tasksOf.apply(k).stream())
                .mapToInt(t -> (t.endMinute() - 1) / 1440 + 1).max().orElse(1));
        double width = LABEL + lastDay * dayLength / 60.0 * PER_HOUR + 8;
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < keys.size(); r++) {
            String key = keys.get(r);
            double y = AXIS + r * ROW;
            List<Bar> bars = new ArrayList<>();
            for (RunTask t : tasksOf.apply(key)) {
                double x0 = x(run, t.startMinute());
                double x1 = x(run, t.endMinute());
                bars.add(new Bar(x0, y + 3, Math.max(2, x1 - x0), t.code(), "unit " + t.unit() + ": " + t.code() + " " + t.name()
                        + " (" + run.dayTime(t.startMinute()) + "–" + run.dayTime(t.endMinute()) + ")", css.apply(t, key),
                        trainee.test(t, key), t.unit()));
            }
            rows.add(new Row(label.apply(key), y, bars));
        }
        List<Day> days = new ArrayList<>();
        List<Tick> ticks = new ArrayList<>();
        for (int d = 0; d < lastDay; d++) {
            LocalDate date = run.startsOn().plusDays(d);
            double x0 = x(run, d * 1440 + run.dayStart());
            days.add(new Day(x0, dayLength / 60.0 * PER_HOUR, DAY.format(date)));
            for (int m = run.dayStart() + (60 - run.dayStart() % 60) % 60; m < run.dayEnd(); m += 60) {
                ticks.add(new Tick(x(run, d * 1440 + m), m / 60 % 2 == 0 ? String.format("%02d", m / 60) : ""));
            }
        }
        return new GanttChart(rows, days, ticks, width, AXIS + keys.size() * ROW + 6);
    }

    /** A run minute on the chart: the working minutes before it, nights and off-hours left out. */
    static double x(Run run, int minute) {
        int dayLength = run.dayEnd() - run.dayStart();
        int day = Math.floorDiv(minute, 1440);
        int inDay = Math.max(0, Math.min(dayLength, Math.floorMod(minute, 1440) - run.dayStart()));
        if (Math.floorMod(minute, 1440) == 0 && minute > 0) { // midnight ends the day before
            day -= 1;
            inDay = dayLength;
        }
        return LABEL + (day * dayLength + inDay) / 60.0 * PER_HOUR;
    }

    private static String css(RunTask t, RunDashboard dashboard, boolean mine) {
        return (mine ? "mine " : "") + (dashboard.critical(t) ? "critical " : "") + "unit" + (t.unit() % 4);
    }

    /** A colour of the legend: the css class of its bars and the units drawn in it. */
    public record Legend(String css, String label) {
    }

    /** The units' colours as drawn (four colours, repeating when a run builds more units). */
    public List<Legend> legend() {
        Map<Integer, TreeSet<Integer>> byColour = new TreeMap<>();
        rows.stream().flatMap(r -> r.bars().stream())
                .forEach(b -> byColour.computeIfAbsent(b.unit() % 4, c -> new TreeSet<>()).add(b.unit()));
        List<Legend> legend = new ArrayList<>();
        byColour.forEach((colour, units) -> legend.add(new Legend("unit" + colour,
                (units.size() == 1 ? "unit " : "units ") + String.join(", ", units.stream().map(String::valueOf).toList()))));
        return legend;
    }
}
