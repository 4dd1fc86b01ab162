package microfactory.merit;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import microfactory.merit.credentials.Verification;

/** Anyone may ask whether a credential holds: signature, status, expiry and issuer. */
@RestController
class CredentialApi {

    private final BadgeCredentials credentials;

    CredentialApi(BadgeCredentials credentials) {
        this.credentials = credentials;
    }

    /** {valid, errors[{check, message}]} for an Open Badges 3.0 / VC 2.0 credential; a body that is not JSON is a 400 problem. */
    @PostMapping(value = "/api/v1/badges/verify",
            consumes = {"application/json", "application/ld+json", "application/vc+ld+json", "text/plain"})
    Verification verify(@RequestBody String credential) {
        return credentials.verify(credential);
    }
}
