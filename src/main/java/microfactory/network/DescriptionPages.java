package microfactory.network;

import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /.well-known/microfactory} and its signature: how other chapters find and pin this one. */
@RestController
class DescriptionPages {

    private final ChapterDescriptions descriptions;

    DescriptionPages(ChapterDescriptions descriptions) {
        this.descriptions = descriptions;
    }

    @GetMapping("/.well-known/microfactory")
    ResponseEntity<byte[]> description() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noCache()).body(descriptions.ownBytes());
    }

    /** The note over the description's SHA-256, signed by the ledger's key. */
    @GetMapping("/.well-known/microfactory.sig")
    ResponseEntity<String> signature() {
        return ResponseEntity.ok().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8)).cacheControl(CacheControl.noCache())
                .body(descriptions.signature(descriptions.ownBytes()));
    }
}
