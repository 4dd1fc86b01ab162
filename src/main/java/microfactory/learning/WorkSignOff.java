package microfactory.learning;

import java.time.Instant;
import java.util.List;

/** A trainee's request to be signed off for a skill they practised on a build, beside the crew named. */
public record WorkSignOff(long id, long learnerId, String learner, String skill, int level, List<String> beside, String source,
                          Instant requestedAt) {
}
