package microfactory.ledger;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import microfactory.ledger.tlog.Jcs;
import tools.jackson.databind.JsonNode;

/** The ledger in JSON: public reads, stewards post. */
@RestController
@RequestMapping("/api/v1/ledger")
class LedgerApi {

    private final LedgerService ledger;

    LedgerApi(LedgerService ledger) {
        this.ledger = ledger;
    }

    /** An entry with its exact bytes' leaf hash and the bytes parsed, for reading. */
    record EntryJson(long index, String kind, Instant recordedAt, String leafHash, JsonNode entry) {
        static EntryJson of(LedgerEntry e) {
            return new EntryJson(e.index(), e.kind(), e.recordedAt(), e.leafHashBase64(), Jcs.parse(e.body()));
        }
    }

    record Batch(@NotEmpty(message = "send at least one transfer") List<TransferRequest> transfers) {
    }

    record Size(long size, String checkpoint) {
    }

    @GetMapping
    Size head() {
        return new Size(ledger.size(), ledger.checkpoint());
    }

    @GetMapping("/entries")
    List<EntryJson> entries(@RequestParam(required = false) String kind, @RequestParam(required = false) String member,
                            @RequestParam(required = false) Long before, @RequestParam(defaultValue = "50") int limit) {
        return ledger.latest(kind, member, before, limit).stream().map(EntryJson::of).toList();
    }

    @GetMapping("/entries/{index}")
    EntryJson entry(@PathVariable long index) {
        return EntryJson.of(ledger.entry(index));
    }

    @GetMapping("/proofs/inclusion")
    InclusionProof inclusion(@RequestParam long index, @RequestParam(required = false) Long size) {
        return ledger.inclusionProof(index, size);
    }

    @GetMapping("/proofs/consistency")
    ConsistencyProof consistency(@RequestParam long from, @RequestParam(required = false) Long to) {
        return ledger.consistencyProof(from, to);
    }

    @GetMapping("/accounts")
    List<Account> accounts() {
        return ledger.accounts();
    }

    @GetMapping("/accounts/{code}")
    Account account(@PathVariable String code) {
        return ledger.account(code);
    }

    @PostMapping("/accounts")
    ResponseEntity<Account> open(@RequestBody OpenAccount request) {
        Account a = ledger.openAccount(request);
        return ResponseEntity.created(URI.create("/api/v1/ledger/accounts/" + a.code())).body(a);
    }

    @GetMapping("/trial-balance")
    List<TrialBalance> trialBalance() {
        return ledger.trialBalance();
    }

    @GetMapping("/transfers/{id}")
    Transfer transfer(@PathVariable String id) {
        return ledger.transferById(id);
    }

    /** A batch of linked transfers: all or none. 201 when recorded, 200 when this exact batch was recorded before. */
    @PostMapping("/transfers")
    ResponseEntity<Recorded> transfers(@Valid @RequestBody Batch batch) {
        Recorded r = ledger.transfer(batch.transfers());
        return ResponseEntity.status(r.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/api/v1/ledger/entries/" + r.entryIndex())).body(r);
    }
}
