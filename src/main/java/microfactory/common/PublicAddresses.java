package microfactory.common;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;

/**
 * Whether an address is on the public internet. A server that fetches URLs anyone names must never reach its own
 * network: loopback, private (RFC 1918, fc00::/7), link-local (cloud metadata), shared (100.64/10, RFC 6598),
 * documentation, benchmarking and reserved ranges, and IPv6 forms that carry an IPv4 address inside.
 */
public final class PublicAddresses {

    private PublicAddresses() {
    }

    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        return address instanceof Inet4Address ? isPublicV4(b) : address instanceof Inet6Address && isPublicV6(b);
    }

    private static boolean isPublicV4(byte[] b) {
        int a0 = b[0] & 0xFF;
        int a1 = b[1] & 0xFF;
        int a2 = b[2] & 0xFF;
        return !(a0 == 0 // "this network"
                || a0 == 10 || a0 == 127
                || (a0 == 100 && a1 >= 64 && a1 <= 127) // shared address space, carrier-grade NAT
                || (a0 == 169 && a1 == 254)
                || (a0 == 172 && a1 >= 16 && a1 <= 31)
                || (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2)) // IETF protocol assignments, TEST-NET-1
                || (a0 == 192 && a1 == 88 && a2 == 99) // 6to4 relay anycast
                || (a0 == 192 && a1 == 168)
                || (a0 == 198 && (a1 == 18 || a1 == 19)) // benchmarking
                || (a0 == 198 && a1 == 51 && a2 == 100) // TEST-NET-2
                || (a0 == 203 && a1 == 0 && a2 == 113) // TEST-NET-3
                || a0 >= 224); // multicast, reserved, broadcast
    }

    private static boolean isPublicV6(byte[] b) {
        int first = b[0] & 0xFF;
        if ((first & 0xFE) == 0xFC || first == 0xFF || (first == 0xFE && (b[1] & 0xC0) == 0x80)) {
            return false; // unique local, multicast, link-local
        }
        if (first == 0x20 && b[1] == 0x01 && b[2] == 0x0D && (b[3] & 0xFF) == 0xB8) {
            return false; // documentation 2001:db8::/32
        }
        if (first == 0x20 && b[1] == 0x02) { // 6to4 carries an IPv4 address in bytes 2..5
            return isPublicV4(Arrays.copyOfRange(b, 2, 6));
        }
        boolean zeroPrefix = true;
        for (int i = 0; i < 10; i++) {
            zeroPrefix &= b[i] == 0;
        }
        if (zeroPrefix && ((b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xFF && b[11] == (byte) 0xFF))) {
            return isPublicV4(Arrays.copyOfRange(b, 12, 16)); // IPv4-compatible and IPv4-mapped (:: and ::1 included)
        }
        if (first == 0x00 && b[1] == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B) { // NAT64 64:ff9b::/96
            return isPublicV4(Arrays.copyOfRange(b, 12, 16));
        }
        return true;
    }
}
