package microfactory.learning;

import java.time.Instant;

/** A sign-off a mentor gave: a skill at a level, for what (a module, or a build), and when. */
public record Mentoring(String skill, int level, String what, Instant signedAt) {
}
