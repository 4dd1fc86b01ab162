package microfactory.members;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/** A member who has just joined is logged in at once, in a new session (as a login would), saved for next requests. */
@Component
class NewMemberLogIn {

    private final MemberAccounts accounts;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    NewMemberLogIn(MemberAccounts accounts) {
        this.accounts = accounts;
    }

    void logIn(Member m, HttpServletRequest request, HttpServletResponse response) {
        UserDetails principal = accounts.loadUserByUsername(m.email());
        var auth = UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        if (request.getSession(false) != null) {
            request.changeSessionId(); // no session fixation: the session an anonymous visitor had is not the one logged in
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
    }
}
