package microfactory.chapter;

import java.util.List;

/** What founding a chapter did, for the command line and the set-up page to report. */
public record Founded(Chapter chapter, String origin, String adminEmail, List<String> accounts, List<String> tracks,
                      String keyProtection) {
}
