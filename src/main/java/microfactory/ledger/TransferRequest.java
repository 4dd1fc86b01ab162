package microfactory.ledger;

import java.time.LocalDate;
import java.util.List;

/**
 * A transfer as a client sends it. Either postings that balance per currency (optionally
 * {@code pending}, with a timeout), or {@code postPendingId} / {@code voidPendingId} naming a pending
 * transfer to settle. {@code id} is the client's: sending the same transfer again is harmless.
 * {@code member} is a member's public id, never personal data. {@code date}, when given, is the day the money really
 * moved (a bank line's value date, a purchase made before it was booked): reports count it on that day rather than
 * on the day it was recorded.
 */
public record TransferRequest(String id, String code, String memo, String member, List<PostingRequest> postings,
                              Boolean pending, Long timeoutSeconds, String postPendingId, String voidPendingId, LocalDate date) {

    public static TransferRequest of(String id, String code, String memo, PostingRequest... postings) {
        return new TransferRequest(id, code, memo, null, List.of(postings), null, null, null, null, null);
    }

    public TransferRequest forMember(String publicId) {
        return new TransferRequest(id, code, memo, publicId, postings, pending, timeoutSeconds, postPendingId, voidPendingId, date);
    }

    public TransferRequest asPending(Long timeout) {
        return new TransferRequest(id, code, memo, member, postings, true, timeout, postPendingId, voidPendingId, date);
    }

    public static TransferRequest post(String id, String pendingId) {
        return new TransferRequest(id, "settle", "", null, List.of(), null, null, pendingId, null, null);
    }

    public static TransferRequest voiding(String id, String pendingId) {
        return new TransferRequest(id, "settle", "", null, List.of(), null, null, null, pendingId, null);
    }

    /** The same transfer, counted on the day the money really moved. */
    public TransferRequest on(LocalDate valueDate) {
        return new TransferRequest(id, code, memo, member, postings, pending, timeoutSeconds, postPendingId, voidPendingId, valueDate);
    }

    boolean isPending() {
        return Boolean.TRUE.equals(pending);
    }

    boolean settles() {
        return postPendingId != null || voidPendingId != null;
    }
}
