package microfactory.network;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import microfactory.designs.DesignVersion;

/**
 * The network: followed chapters, the evidence against any of them and the improvements they offered are public; stewards
 * follow a chapter, check or pull one now, ask this chapter's witnesses for cosignatures now (all also on a schedule), and
 * accept or decline improvements.
 */
@RestController
class NetworkApi {

    private final NetworkService network;
    private final Witnessing witnessing;
    private final Improvements improvements;
    private final NetworkSummaries summaries;
    private final MarketModel market;
    private final Replicability replicability;

    NetworkApi(NetworkService network, Witnessing witnessing, Improvements improvements, NetworkSummaries summaries, MarketModel market,
               Replicability replicability) {
        this.replicability = replicability;
        this.network = network;
        this.witnessing = witnessing;
        this.improvements = improvements;
        this.summaries = summaries;
        this.market = market;
    }

    /** The market-substitution model: assumptions as query parameters (each optional), every input named with its origin. */
    @GetMapping("/api/v1/network/market")
    MarketSubstitution.Result market(@RequestParam(required = false) String product, @RequestParam Map<String, String> params,
                                     @RequestParam(required = false) String incumbents, @RequestParam(name = "market", required = false) String total) {
        return market.model(product, params, incumbents, total);
    }

    record Follow(String url) {
    }

    record Decline(String reason) {
    }

    @PutMapping("/api/v1/network/place")
    ChapterDescription.Place place(@RequestBody ChapterDescription.Place place) {
        return network.place(place.latitude(), place.longitude());
    }

    @GetMapping("/api/v1/network/summary")
    NetworkSummaries.NetworkSummary summary() {
        return summaries.summary();
    }

    @GetMapping("/api/v1/network/replicability")
    Replicability.Enterprise replicability() {
        return replicability.enterprise();
    }

    @GetMapping("/api/v1/designs/{slug}/replicability")
    Replicability.Scorecard replicability(@PathVariable String slug) {
        return replicability.of(slug);
    }

    @GetMapping("/api/v1/network/improvements")
    List<Improvement> improvements() {
        return improvements.all();
    }

    @PostMapping("/api/v1/network/chapters/{id}/pull")
    Improvements.Pulled pull(@PathVariable long id) {
        return improvements.pull(id);
    }

    @PostMapping("/api/v1/network/improvements/{id}/accept")
    DesignVersion accept(@PathVariable long id) {
        return improvements.accept(id);
    }

    @PostMapping("/api/v1/network/improvements/{id}/decline")
    Improvement decline(@PathVariable long id, @RequestBody Decline decline) {
        return improvements.decline(id, decline.reason());
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
