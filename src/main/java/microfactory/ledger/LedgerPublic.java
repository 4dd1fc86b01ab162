package microfactory.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import microfactory.ledger.tlog.Checkpoint;
import microfactory.ledger.tlog.Hashes;
import microfactory.ledger.tlog.SignedNote;
import microfactory.ledger.tlog.Tiles;

/**
 * The log as C2SP tlog-tiles serves it, static and cacheable: /ledger/checkpoint, /ledger/key and
 * /ledger/tile/... Anyone can mirror these files and verify them offline.
 */
@RestController
class LedgerPublic {

    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);
    private final LedgerService ledger;
    private final ObjectProvider<CheckpointCosignatures> cosignatures;

    LedgerPublic(LedgerService ledger, ObjectProvider<CheckpointCosignatures> cosignatures) {
        this.ledger = ledger;
        this.cosignatures = cosignatures;
    }

    /** The signed checkpoint, with the cosignatures its witnesses gave it (verifiers ignore signatures from keys they do not know). */
    @GetMapping("/ledger/checkpoint")
    ResponseEntity<String> checkpoint() {
        String signed = ledger.checkpoint();
        Checkpoint c = Checkpoint.parse(SignedNote.parse(signed).text());
        StringBuilder note = new StringBuilder(signed);
        cosignatures.orderedStream().forEach(source -> source.lines(c.size(), Hashes.base64(c.root())).forEach(note::append));
        return ResponseEntity.ok().contentType(TEXT).cacheControl(CacheControl.noCache()).body(note.toString());
    }

    @GetMapping("/ledger/key")
    ResponseEntity<String> key() {
        return ResponseEntity.ok().contentType(TEXT).cacheControl(CacheControl.maxAge(Duration.ofDays(1)))
                .body(ledger.verifierKey() + "\n");
    }

    /** Tiles and entry bundles never change once served (a partial tile is a different path), so they cache forever. */
    @GetMapping("/ledger/tile/**")
    ResponseEntity<byte[]> tile(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length() + "/ledger/".length());
        return Tiles.parse(path).flatMap(ledger::tile)
                .map(bytes -> ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable()).body(bytes))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(TEXT)
                        .body(("No tile at " + path + " in the log of " + ledger.size() + " entries.\n")
                                .getBytes(StandardCharsets.UTF_8)));
    }
}
