package microfactory.web;

import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two chains: the JSON API (HTTP Basic or the browser's session, problems instead of redirects)
 * and the pages (form login). Public pages and the public API reads need no account.
 */
@Configuration
@ConditionalOnWebApplication // benchmarks start the app without a web server
public class SecurityConfiguration {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /** Where a git client asks for a design's objects (smart HTTP): a POST that only reads. */
    static final String GIT_UPLOAD_PACK = "/designs/*.git/git-upload-pack";

    /** Paths anyone may read: the chapter is transparent by design. */
    static final String[] PUBLIC_PAGES = {
        "/", "/signup", "/signup/sent", "/signup/finish", "/login", "/setup", "/password-reset", "/password-reset/**", "/confirm-email", "/plans", "/plans/**", "/equipment", "/equipment/**",
        "/learn/**", "/learn", "/badges", "/badges/**", "/designs", "/designs/**", "/production", "/production/**",
        "/materials", "/materials/**", "/lifetime", "/lifetime/**", "/ledger", "/ledger/**", "/funding", "/funding/**",
        "/network", "/network/**", "/kit", "/problems", "/problems/**", "/.well-known/microfactory", "/.well-known/microfactory.sig",
        "/witness/add-checkpoint",
        "/css/**", "/img/**", "/webjars/**", "/favicon.ico", "/error", "/actuator/health", "/actuator/health/**"
    };

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ProblemResponses problems, UnmappedRequests unmapped,
                            ObjectProvider<CurrentAccounts> accounts, LoginThrottle throttle,
                            ObjectProvider<BearerTokens> tokens) throws Exception {
        http.securityMatcher("/api/**")
            .addFilterBefore(new BearerAuthentication(tokens, problems), BasicAuthenticationFilter.class)
            .addFilterAfter(new SessionRefresh(accounts), SecurityContextHolderFilter.class)
            .addFilterBefore(new LoginThrottleFilter(throttle, problems), BasicAuthenticationFilter.class)
            .authorizeHttpRequests(auth -> auth
                .requestMatchers(unmapped).permitAll() // no such endpoint: a 404 problem, not a 401
                .requestMatchers(HttpMethod.GET, "/api/v1/openapi.json", "/api/v1/openapi.json/**").permitAll()
                .requestMatchers("/api/v1/admin/**").hasRole("ADMIN")
                .requestMatchers(HttpMethod.PUT, "/api/v1/chapter").hasRole("ADMIN")
                .requestMatchers(HttpMethod.POST, "/api/v1/members/password-reset", "/api/v1/members/password-reset/confirm",
                        "/api/v1/members/email-confirmation").permitAll()
                .requestMatchers("/api/v1/equipment/bookings/**").authenticated() // the booker or a steward: MachineBookings
                .requestMatchers(HttpMethod.POST, "/api/v1/equipment/machines/*/bookings", "/api/v1/equipment/machines/*/waitlist").authenticated()
                .requestMatchers(HttpMethod.POST, "/api/v1/equipment/machines/*/maintenance").authenticated() // holders of its badge
                .requestMatchers(HttpMethod.POST, "/api/v1/equipment/machines/*/faults").authenticated()
                .requestMatchers(HttpMethod.GET, "/api/v1/chapter", "/api/v1/plans", "/api/v1/plans/*",
                        "/api/v1/equipment/**").permitAll()
                .requestMatchers("/api/v1/equipment/**").hasRole("STEWARD")
                .requestMatchers(HttpMethod.GET, "/api/v1/materials", "/api/v1/materials/**").permitAll() // stock is public
                .requestMatchers("/api/v1/materials", "/api/v1/materials/**").hasRole("STEWARD")
                .requestMatchers(HttpMethod.GET, "/api/v1/ledger", "/api/v1/ledger/**").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/v1/designs", "/api/v1/designs/**").permitAll()
                .requestMatchers("/api/v1/learning/sign-offs", "/api/v1/learning/sign-offs/**").authenticated()
                .requestMatchers(HttpMethod.GET, "/api/v1/learning/**", "/api/v1/badges/issued").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/v1/badges/verify").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/v1/runs", "/api/v1/runs/**", "/api/v1/units/**").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/v1/units/*/inspection").authenticated() // holders of the quality badge
                .requestMatchers(HttpMethod.POST, "/api/v1/units/*/service-requests").authenticated() // the owner
                .requestMatchers("/api/v1/units/**").hasRole("STEWARD")
                .requestMatchers(HttpMethod.POST, "/api/v1/runs", "/api/v1/runs/*/schedule", "/api/v1/runs/*/open", "/api/v1/runs/*/cancel",
                        "/api/v1/runs/*/signups/*/confirm").hasRole("STEWARD")
                .requestMatchers("/api/v1/runs/**").authenticated()
                .requestMatchers(HttpMethod.GET, "/api/v1/campaigns", "/api/v1/campaigns/**", "/api/v1/economics").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/v1/campaigns", "/api/v1/campaigns/*/close", "/api/v1/campaigns/*/cancel").hasRole("STEWARD")
                .requestMatchers("/api/v1/campaigns/*/pledges", "/api/v1/campaigns/*/pledges/**").authenticated()
                .requestMatchers("/api/v1/learning/skills/import").hasRole("STEWARD")
                .requestMatchers(HttpMethod.POST, "/api/v1/learning/modules", "/api/v1/learning/tracks").hasRole("STEWARD")
                .requestMatchers(HttpMethod.PUT, "/api/v1/learning/tracks/*").hasRole("STEWARD")
                .requestMatchers(HttpMethod.PUT, "/api/v1/learning/modules/*").hasRole("STEWARD")
                .requestMatchers("/api/v1/learning/**").authenticated()
                .requestMatchers("/api/v1/badges/**").hasRole("STEWARD")
                .requestMatchers("/api/v1/designs", "/api/v1/designs/**").hasRole("STEWARD")
                .requestMatchers("/api/v1/ledger/**").hasRole("STEWARD")
                .requestMatchers("/api/v1/members/me", "/api/v1/members/me/**").authenticated()
                .requestMatchers(HttpMethod.GET, "/api/v1/members/*/value").authenticated() // the member or a steward: ValueApi
                .requestMatchers("/api/v1/billing", "/api/v1/billing/**").hasRole("STEWARD")
                .requestMatchers(HttpMethod.GET, "/api/v1/network", "/api/v1/network/**").permitAll()
                .requestMatchers("/api/v1/network", "/api/v1/network/**").hasRole("STEWARD")
                .requestMatchers("/api/v1/members", "/api/v1/members/**").hasRole("STEWARD")
                .requestMatchers("/api/v1/plans", "/api/v1/plans/**").hasRole("STEWARD")
                .anyRequest().authenticated())
            .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthorized()))
            .exceptionHandling(ex -> ex
                .authenticationEntryPoint(problems.unauthorized())
                .accessDeniedHandler(problems.forbidden()))
            // A browser session must prove it is the chapter's own page. A request without a session cookie
            // (anonymous, or Basic credentials sent each time) carries no ambient login another site could ride on.
            .csrf(csrf -> csrf.requireCsrfProtectionMatcher(unsafeWithoutCredentials()).csrfTokenRepository(csrfCookies()))
            .requestCache(cache -> cache.requestCache(new NullRequestCache()))
            .headers(SecurityConfiguration::pageHeaders);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, UnmappedRequests unmapped, ObjectProvider<CurrentAccounts> accounts,
                              LoginThrottle throttle, ProblemResponses problems) throws Exception {
        http.addFilterAfter(new SessionRefresh(accounts), SecurityContextHolderFilter.class)
            .addFilterBefore(new LoginThrottleFilter(throttle, problems), UsernamePasswordAuthenticationFilter.class)
            // No session for a visitor who only reads: the CSRF token and a saved request travel in cookies.
            // A witness request comes from another chapter's server, signed in its body; a git fetch only reads: no session to forge.
            .csrf(csrf -> csrf.csrfTokenRepository(csrfCookies()).ignoringRequestMatchers("/witness/add-checkpoint", GIT_UPLOAD_PACK))
            .requestCache(cache -> cache.requestCache(new CookieRequestCache()))
            .headers(SecurityConfiguration::pageHeaders)
            .authorizeHttpRequests(auth -> auth
                .requestMatchers(unmapped).permitAll() // no such page: a 404, not the login page
                .requestMatchers("/admin/settings", "/admin/audit", "/admin/outbox", "/admin/outbox/**").hasRole("ADMIN")
                .requestMatchers("/admin", "/admin/**").hasRole("STEWARD")
                .requestMatchers("/equipment/manage", "/equipment/manage/**", "/plans/manage", "/plans/manage/**",
                        "/learn/tracks", "/learn/tracks/**").hasRole("STEWARD")
                .requestMatchers(HttpMethod.POST, "/ledger/**").hasRole("STEWARD")
                .requestMatchers("/import-design", "/import-design/**").hasRole("STEWARD")
                .requestMatchers(HttpMethod.POST, GIT_UPLOAD_PACK).permitAll() // git clone and fetch: read-only
                .requestMatchers(HttpMethod.POST, "/designs/**").hasRole("STEWARD")
                .requestMatchers("/designs/*/edit").hasRole("STEWARD")
                .requestMatchers("/learn/new", "/learn/*/edit").hasRole("STEWARD")
                .requestMatchers(HttpMethod.POST, "/equipment/machines/*/book", "/equipment/bookings/*/cancel",
                        "/equipment/bookings/*/start", "/equipment/bookings/*/finish", "/equipment/machines/*/maintenance",
                        "/equipment/machines/*/faults", "/equipment/machines/*/wait", "/equipment/bookings/*/job").authenticated()
                .requestMatchers("/equipment/my-bookings", "/equipment/my-bookings.ics").authenticated()
                .requestMatchers(HttpMethod.POST, "/equipment/**").hasRole("STEWARD")
                .requestMatchers(HttpMethod.POST, "/materials/**").hasRole("STEWARD")
                .requestMatchers(HttpMethod.POST, "/lifetime/**").hasRole("STEWARD")
                .requestMatchers(HttpMethod.POST, "/network/**").hasRole("STEWARD")
                .requestMatchers(HttpMethod.POST, "/production/runs/*/schedule", "/production/units/*/owner", "/production/units/*/events", "/production/runs/*/open",
                        "/production/runs/*/cancel", "/production/runs/*/signups/*/confirm").hasRole("STEWARD")
                .requestMatchers("/production/new").hasRole("STEWARD")
                .requestMatchers(HttpMethod.POST, "/production/**").authenticated()
                .requestMatchers("/production/my-runs.ics", "/production/my-tasks").authenticated()
                .requestMatchers(HttpMethod.POST, "/learn/**").authenticated()
                .requestMatchers("/funding/new").hasRole("STEWARD")
                .requestMatchers(HttpMethod.POST, "/funding", "/funding/campaigns/*/close", "/funding/campaigns/*/cancel").hasRole("STEWARD")
                .requestMatchers(HttpMethod.POST, "/funding/**").authenticated()
                .requestMatchers("/learn/sign-offs").authenticated()
                .requestMatchers("/billing/statement").authenticated()
                .requestMatchers("/billing", "/billing/**").hasRole("STEWARD")
                .requestMatchers(PUBLIC_PAGES).permitAll()
                .requestMatchers("/members", "/members/**").hasRole("STEWARD")
                .anyRequest().authenticated())
            .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
            .logout(logout -> logout.logoutSuccessUrl("/?signedOut").permitAll());
        return http.build();
    }

    /** The CSRF token in a cookie (no session for it), same-site, sent back only to this chapter. */
    private static CookieCsrfTokenRepository csrfCookies() {
        CookieCsrfTokenRepository cookies = new CookieCsrfTokenRepository();
        cookies.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return cookies;
    }

    /**
     * What a browser may do with the chapter's pages: scripts, styles and images from the chapter only (its pages use a
     * few inline handlers and styles), no framing, no referrer to other sites, no camera, microphone or location.
     */
    private static void pageHeaders(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
                        + "style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; object-src 'none'; "
                        + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=(), payment=()"))
                .frameOptions(frame -> frame.deny());
    }

    private static RequestMatcher unsafeWithoutCredentials() {
        return request -> !SAFE_METHODS.contains(request.getMethod())
                && request.getHeader("Authorization") == null
                && request.getRequestedSessionId() != null;
    }
}
