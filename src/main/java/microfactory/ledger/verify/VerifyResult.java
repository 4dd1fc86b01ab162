package microfactory.ledger.verify;

import java.util.List;

/** What verification found: ok, or the first problem, naming the entry index or file and why. */
public record VerifyResult(boolean ok, long size, String root, String problem, List<String> facts) {

    static VerifyResult failed(String problem) {
        return new VerifyResult(false, -1, null, problem, List.of());
    }
}
