package microfactory.chapter;

import java.util.List;

import microfactory.learning.Module;
import microfactory.merit.Badge;
import microfactory.production.MyTask;
import microfactory.production.Run;

/** A logged-in member's first steps on the home page: what to learn next, what they hold, where they can build, their next task. */
public record StartHere(Module nextModule, List<Badge> badges, List<Run> openRuns, MyTask nextTask) {
}
