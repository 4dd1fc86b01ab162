package microfactory.members;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A member's personal access tokens in JSON: the secret comes back once, in the answer that creates it. */
@RestController
class AccessTokensApi {

    private final AccessTokens tokens;

    AccessTokensApi(AccessTokens tokens) {
        this.tokens = tokens;
    }

    record Request(String name, TokenScope scope) {
    }

    @GetMapping("/api/v1/members/me/tokens")
    List<AccessToken> mine(@AuthenticationPrincipal MemberPrincipal me) {
        return tokens.of(me.memberId());
    }

    @PostMapping("/api/v1/members/me/tokens")
    ResponseEntity<NewAccessToken> create(@AuthenticationPrincipal MemberPrincipal me, @RequestBody Request request) {
        NewAccessToken made = tokens.create(me.memberId(), request.name(), request.scope());
        return ResponseEntity.created(URI.create("/api/v1/members/me/tokens/" + made.details().id())).body(made);
    }

    @DeleteMapping("/api/v1/members/me/tokens/{id}")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
        tokens.revoke(me.memberId(), id);
        return ResponseEntity.noContent().build();
    }
}
