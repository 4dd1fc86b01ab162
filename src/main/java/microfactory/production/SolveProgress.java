package microfactory.production;

/** Where a solve stands: running with its best so far, or finished with its outcome (problem when it failed). */
public record SolveProgress(boolean running, long elapsedMillis, Integer makespan, Integer lowerBound, double gapPercent, long schedules,
                     String outcome, boolean failed) {

    public int percentOfBudget() {
        return (int) Math.min(100, elapsedMillis * 100 / SchedulingJobs.TIME_LIMIT_MILLIS);
    }
}
