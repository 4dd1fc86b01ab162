package microfactory.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The clock of every test application: the system's time, until a test moves it (e.g. to the first working hour of a
 * build two weeks ahead, so its crew may start tasks). A test that moves it puts it back afterwards ({@link #reset}).
 */
public final class TestClock extends Clock {

    public static final TestClock INSTANCE = new TestClock();
    private volatile Instant fixed;

    private TestClock() {
    }

    /** From now on the application's time is this instant. */
    public static void at(Instant instant) {
        INSTANCE.fixed = instant;
    }

    public static void reset() {
        INSTANCE.fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneId.systemDefault();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        Instant at = fixed;
        return at == null ? Clock.system(zone) : Clock.fixed(at, zone);
    }

    @Override
    public Instant instant() {
        Instant at = fixed;
        return at == null ? Instant.now() : at;
    }
}
