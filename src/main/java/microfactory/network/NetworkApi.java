package microfactory.network;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The network: followed chapters and the evidence against any of them are public; stewards follow a chapter, check one
 * now, and ask this chapter's witnesses for cosignatures now (both also run on a schedule).
 */
@RestController
class NetworkApi {

    private final NetworkService network;
    private final Witnessing witnessing;

    NetworkApi(NetworkService network, Witnessing witnessing) {
        this.network = network;
        this.witnessing = witnessing;
    }

    record Follow(String url) {
    }

    @GetMapping("/api/v1/network/chapters")
    List<Peer> chapters() {
        return network.chapters();
    }

    @GetMapping("/api/v1/network/chapters/{id}")
    Peer chapter(@PathVariable long id) {
        return network.chapter(id);
    }

    @PostMapping("/api/v1/network/chapters")
    ResponseEntity<Peer> follow(@RequestBody Follow follow) {
        Peer p = network.follow(follow.url());
        return ResponseEntity.created(URI.create("/api/v1/network/chapters/" + p.id())).body(p);
    }

    @PostMapping("/api/v1/network/chapters/{id}/check")
    Peer check(@PathVariable long id) {
        return network.check(id);
    }

    @GetMapping("/api/v1/network/evidence")
    List<Evidence> evidence() {
        return network.evidence();
    }

    @PostMapping("/api/v1/network/cosignatures")
    List<Witnessing.Outcome> cosign() {
        return witnessing.collect();
    }
}
