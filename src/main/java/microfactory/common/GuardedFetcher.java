package microfactory.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.function.Predicate;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.util.Timeout;
import org.springframework.stereotype.Component;

/**
 * Every outgoing request made for something a stranger sent (a credential's status list, a chapter's address): https
 * only, to public addresses only, no redirects, a size cap. The addresses are checked inside the resolver the
 * connection uses, so a name that resolves to a public address for the check and to 127.0.0.1 for the connection
 * (DNS rebinding) cannot slip through: there is only one resolution, and what it returns is what is connected to.
 */
@Component
public final class GuardedFetcher implements AutoCloseable {

    /** Why a fetch was not made or did not succeed, in words for the person who gave the URL. */
    public static final class FetchRefused extends Exception {
        public FetchRefused(String message) {
            super(message);
        }
    }

    private final CloseableHttpClient http;

    public GuardedFetcher() {
        this(SystemDefaultDnsResolver.INSTANCE, PublicAddresses::isPublic, SSLContexts.createSystemDefault());
    }

    /** With the given name lookup (tests give one that lies), address rule and trusted certificates. */
    GuardedFetcher(DnsResolver lookup, Predicate<InetAddress> allowed, SSLContext tls) {
        DnsResolver guarded = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                InetAddress[] addresses = lookup.resolve(host);
                for (InetAddress address : addresses) {
                    if (!allowed.test(address)) {
                        throw new NotPublic(host, address);
                    }
                }
                return Arrays.copyOf(addresses, addresses.length);
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host; // never a second lookup
            }
        };
        http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().setDnsResolver(guarded)
                        .setTlsSocketStrategy(new DefaultClientTlsStrategy(tls))
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(5))
                                .setSocketTimeout(Timeout.ofSeconds(10)).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setRedirectsEnabled(false)
                        .setResponseTimeout(Timeout.ofSeconds(10)).build())
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement().disableAuthCaching()
                .build(); // no system proxy: a proxy would resolve the name itself, past the guard
    }

    /** The body of a 200 answer to GET url, at most maxBytes long. */
    public byte[] get(String url, String accept, int maxBytes) throws FetchRefused {
        URI uri = httpsUrl(url);
        HttpGet get = new HttpGet(uri);
        get.setHeader("Accept", accept);
        try {
            return http.execute(get, response -> {
                if (response.getCode() != 200) {
                    throw new UncheckedIOException(new IOException(url + " answered HTTP " + response.getCode()));
                }
                HttpEntity entity = response.getEntity();
                if (entity == null) {
                    return new byte[0];
                }
                try (InputStream body = entity.getContent()) {
                    byte[] bytes = body.readNBytes(maxBytes + 1);
                    if (bytes.length > maxBytes) {
                        throw new UncheckedIOException(new IOException(url + " is larger than " + maxBytes + " bytes"));
                    }
                    return bytes;
                }
            });
        } catch (NotPublic e) {
            throw new FetchRefused(e.getMessage());
        } catch (UnknownHostException e) {
            throw new FetchRefused("the host " + uri.getHost() + " is unknown");
        } catch (UncheckedIOException e) {
            throw new FetchRefused(e.getCause().getMessage());
        } catch (IOException e) {
            throw new FetchRefused(url + " could not be read: " + e.getMessage());
        }
    }

    /** The URL when it is an https URL with a host; else why not. Addresses are checked when connecting. */
    public static URI httpsUrl(String url) throws FetchRefused {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new FetchRefused(url + " is not a URL");
        }
        if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new FetchRefused(url + " must be an https URL");
        }
        return uri;
    }

    @Override
    public void close() throws IOException {
        http.close();
    }

    /** A lookup that found a non-public address: an UnknownHostException so the client gives up at once. */
    private static final class NotPublic extends UnknownHostException {
        NotPublic(String host, InetAddress address) {
            super("the host " + host + " is not a public address (" + address.getHostAddress() + ")");
        }
    }
}
