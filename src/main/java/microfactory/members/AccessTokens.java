package microfactory.members;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import microfactory.common.InvalidInputException;
import microfactory.common.NotFoundException;
import microfactory.web.BearerTokens;

/**
 * Personal access tokens: an API client sends {@code Authorization: Bearer mft_…} instead of a password, so a script
 * is not slowed by a password hash on every request. The token is shown once; only its SHA-256 is kept. A READ token
 * may only read.
 */
@Service
public class AccessTokens implements BearerTokens {

    static final String PREFIX = "mft_";

    private final AccessTokenRepository tokens;
    private final MemberService members;
    private final Clock clock;

    AccessTokens(AccessTokenRepository tokens, MemberService members, Clock clock) {
        this.tokens = tokens;
        this.members = members;
        this.clock = clock;
    }

    @Transactional
    public NewAccessToken create(long memberId, String name, TokenScope scope) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw InvalidInputException.of("name", "name the token after what uses it, such as 'bank import script' (at most 100 characters)");
        }
        if (scope == null) {
            throw InvalidInputException.of("scope", "choose READ or WRITE");
        }
        String token = PREFIX + SecretTokens.newToken();
        long id = tokens.insert(memberId, name.strip(), SecretTokens.sha256Hex(token), scope, clock.instant());
        return new NewAccessToken(tokens.find(memberId, id).orElseThrow(), token);
    }

    public List<AccessToken> of(long memberId) {
        return tokens.of(memberId);
    }

    @Transactional
    public void revoke(long memberId, long id) {
        tokens.find(memberId, id).orElseThrow(() -> new NotFoundException("token", id));
        tokens.revoke(id, clock.instant());
    }

    /** The member a token stands for, if it is a live token of an active member. */
    @Override
    public Optional<Bearer> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        return tokens.owner(SecretTokens.sha256Hex(token)).flatMap(owner -> {
            Instant now = clock.instant();
            if (owner.lastUsedAt() == null || owner.lastUsedAt().isBefore(now.minus(Duration.ofMinutes(1)))) {
                tokens.used(owner.tokenId(), now); // at most once a minute: no write on every request
            }
            return members.findById(owner.memberId()).filter(Member::active).map(m -> new Bearer(principal(m),
                    owner.scope() == TokenScope.WRITE));
        });
    }

    private static UserDetails principal(Member m) {
        return new MemberPrincipal(m.id(), m.publicId(), m.email(), m.displayName(), m.role(), true, "");
    }
}
