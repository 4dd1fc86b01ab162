package microfactory.members;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Looks members up for login (form and HTTP Basic). A deactivated member cannot log in. */
@Component
class MemberAccounts implements UserDetailsService {

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
}
