package microfactory.merit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import microfactory.merit.credentials.CredentialException;

/** The public verifier makes the server fetch URLs anyone names: only https to public addresses. */
class StatusListFetcherTest {

    @Test
    void privateLoopbackAndPlainHttpAddressesAreRefusedBeforeAnyRequest() {
        for (String url : new String[] {"https://127.0.0.1/list", "https://localhost:8080/badges/status/revocation",
            "https://10.0.0.7/list", "https://192.168.1.1/list", "https://169.254.169.254/latest/meta-data", "https://[::1]/list"}) {
            assertThatThrownBy(() -> StatusListFetcher.publicHttps(url)).as(url).isInstanceOf(CredentialException.class)
                .hasMessageContaining("is not a public address");
        }
        assertThatThrownBy(() -> StatusListFetcher.publicHttps("http://example.org/list")).hasMessageContaining("must be an https URL");
        assertThatThrownBy(() -> StatusListFetcher.publicHttps("file:///etc/passwd")).hasMessageContaining("must be an https URL");
        assertThatThrownBy(() -> StatusListFetcher.publicHttps("not a url")).hasMessageContaining("is not a URL");
    }
}
