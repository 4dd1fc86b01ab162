package microfactory.network;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /witness/add-checkpoint}: the C2SP tlog-witness submission endpoint, plain text in and out. */
@RestController
class WitnessEndpoint {

    static final int MAX_BODY = 64 * 1024;
    private final Witness witness;

    WitnessEndpoint(Witness witness) {
        this.witness = witness;
    }

    @PostMapping("/witness/add-checkpoint")
    ResponseEntity<String> addCheckpoint(@RequestBody(required = false) String body) {
        WitnessAnswer a = body == null ? WitnessAnswer.text(400, "Malformed request: the body is empty")
                : body.length() > MAX_BODY ? WitnessAnswer.text(400, "Malformed request: larger than 64 KB")
                : witness.addCheckpoint(body);
        return ResponseEntity.status(a.status()).contentType(MediaType.parseMediaType(a.contentType())).body(a.body());
    }
}
