package microfactory.members;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import microfactory.web.DisplayNamed;

/** The signed-in member as Spring Security holds it. */
public record MemberPrincipal(long memberId, String publicId, String email, String displayName, Role role,
                              boolean active, String passwordHash) implements UserDetails, DisplayNamed {

    /** Stewards and admins (roles nest). */
    public boolean isSteward() {
        return role.ordinal() >= Role.STEWARD.ordinal();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<SimpleGrantedAuthority> authorities = role.authorities().stream().map(SimpleGrantedAuthority::new).toList();
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    @Override
    public String toString() {
        return "MemberPrincipal[" + publicId + ", " + role + "]"; // never print the hash
    }
}
