package microfactory.members;

import java.util.Optional;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import microfactory.web.CurrentAccounts;

/** Looks members up for login (form and HTTP Basic). A deactivated member cannot log in. */
@Component
class MemberAccounts implements UserDetailsService, CurrentAccounts {

    private final MemberService members;

    MemberAccounts(MemberService members) {
        this.members = members;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        Member m = members.findByEmail(email).orElseThrow(() -> new UsernameNotFoundException("unknown email"));
        String hash = members.passwordHash(email).orElseThrow(() -> new UsernameNotFoundException("unknown email"));
        return new MemberPrincipal(m.id(), m.publicId(), m.email(), m.displayName(), m.role(), m.active(), hash);
    }

    /** A session's member as the account is now: gone when deactivated, with the role it has now. */
    @Override
    public Optional<UserDetails> current(Object principal) {
        if (!(principal instanceof MemberPrincipal p)) {
            return Optional.empty();
        }
        return members.findById(p.memberId()).filter(Member::active)
                .map(m -> new MemberPrincipal(m.id(), m.publicId(), m.email(), m.displayName(), m.role(), true, p.passwordHash()));
    }
}
