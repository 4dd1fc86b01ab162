package microfactory.ledger;

import java.util.List;

/** The outcome of a transfer request: the log entry that holds it, and whether it was a harmless replay. */
public record Recorded(long entryIndex, boolean replayed, List<Transfer> transfers) {
}
