package microfactory.production;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import microfactory.common.ConflictException;

/**
 * Scheduling from the page runs in the background, so the page can show the solver's progress (best finish so far,
 * lower bound, gap) while it works; the outcome is kept until the page has shown it once.
 */
@Component
class SchedulingJobs {

    private static final Logger log = LoggerFactory.getLogger(SchedulingJobs.class);
    static final long TIME_LIMIT_MILLIS = 3_000;

    private final ProductionService production;
    private final Map<Long, SolveProgress> jobs = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "run-scheduler");
        t.setDaemon(true);
        return t;
    });

    SchedulingJobs(ProductionService production) {
        this.production = production;
    }

    void start(long runId) {
        production.requireSchedulable(runId);
        SolveProgress started = new SolveProgress(true, 0, null, null, 0, 0, null, false);
        if (jobs.putIfAbsent(runId, started) != null && jobs.get(runId).running()) {
            throw new ConflictException("This run is being scheduled already.");
        }
        jobs.put(runId, started);
        executor.submit(() -> solve(runId));
    }

    private void solve(long runId) {
        try {
            var result = production.schedule(runId, TIME_LIMIT_MILLIS, p -> jobs.put(runId, new SolveProgress(true, p.elapsedMillis(),
                    p.makespan(), p.lowerBound(), p.gapPercent(), p.schedules(), null, false)));
            jobs.put(runId, new SolveProgress(false, result.elapsedMillis(), result.makespan(), result.lowerBound(), result.gapPercent(),
                    result.schedules(), "Scheduled: the build ends " + production.run(runId).dayTime(result.makespan()) + ", with "
                    + result.trainingPairs() + " training pairs"
                    + (result.optimal() ? " (proven shortest)." : String.format(" (at most %.1f %% above the shortest possible).", result.gapPercent())),
                    false));
        } catch (ConflictException e) {
            jobs.put(runId, new SolveProgress(false, 0, null, null, 0, 0, e.getMessage(), true));
        } catch (RuntimeException e) {
            log.error("Scheduling run {} failed", runId, e);
            jobs.put(runId, new SolveProgress(false, 0, null, null, 0, 0, "Scheduling failed unexpectedly; try again.", true));
        }
    }

    Optional<SolveProgress> progress(long runId) {
        return Optional.ofNullable(jobs.get(runId));
    }

    /** A finished job's outcome, once: the page shows it and it is gone. */
    Optional<SolveProgress> takeFinished(long runId) {
        SolveProgress p = jobs.get(runId);
        if (p == null || p.running()) {
            return Optional.empty();
        }
        jobs.remove(runId, p);
        return Optional.of(p);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
