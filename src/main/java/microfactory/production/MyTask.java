package microfactory.production;

import java.time.Instant;

/** One of a member's tasks across all their builds, with its times on the clock. */
public record MyTask(Run run, RunTask task, Instant starts, Instant ends) {
}
