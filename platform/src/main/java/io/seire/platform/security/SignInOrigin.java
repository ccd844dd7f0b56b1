package io.seire.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Where a sign-in comes from: the address of the client whose failures are counted. That is the connection's peer
 * address; {@code X-Forwarded-For} is believed only when the peer is one of the configured trusted proxies (else
 * anyone could name a new address on every guess). IPv6 clients are counted by their /64 network, which one client
 * usually has whole.
 *
 * @param address the client address as counted, e.g. {@code 192.0.2.7} or {@code 2001:db8:0:1::/64}
 */
public record SignInOrigin(String address) {

    public static final SignInOrigin UNKNOWN = new SignInOrigin("unknown");

    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    /** Starts like an IPv6 literal and holds a colon: Java parses it without asking DNS (or refuses it). */
    private static final Pattern IPV6 = Pattern.compile("(?=.*:)[0-9A-Fa-f:][0-9A-Fa-f:.]*");

    /** The origin an authentication request carries, or {@link #UNKNOWN}. */
    public static SignInOrigin of(Object details) {
        return details instanceof SignInOrigin origin ? origin : UNKNOWN;
    }

    /** Builds a request's origin from its peer address and, behind trusted proxies, its forwarding header. */
    public static final class Source implements AuthenticationDetailsSource<HttpServletRequest, SignInOrigin> {

        private final List<IpAddressMatcher> trustedProxies;

        /** @param trustedProxies addresses or networks ({@code 10.0.0.0/8}) of proxies whose forwarding is believed */
        public Source(List<String> trustedProxies) {
            List<IpAddressMatcher> matchers = new ArrayList<>();
            for (String proxy : trustedProxies) {
                if (proxy != null && !proxy.isBlank()) {
                    String literal = proxy.strip();
                    if (!isLiteral(literal.contains("/") ? literal.substring(0, literal.indexOf('/')) : literal)) {
                        throw new IllegalArgumentException("seire.sign-in.trusted-proxies: '" + proxy
                                + "' is not an IP address or network (such as 10.0.0.5 or 10.0.0.0/8)");
                    }
                    matchers.add(new IpAddressMatcher(literal));
                }
            }
            this.trustedProxies = List.copyOf(matchers);
        }

        @Override
        public SignInOrigin buildDetails(HttpServletRequest request) {
            return new SignInOrigin(counted(clientOf(request.getRemoteAddr(),
                    Collections.list(request.getHeaders("X-Forwarded-For")))));
        }

        /** The peer, or, while the hop in hand is a trusted proxy, the hop it forwarded for (right to left). */
        String clientOf(String peer, List<String> forwardedFor) {
            String client = peer;
            if (trustedProxies.isEmpty() || client == null) {
                return client;
            }
            List<String> hops = new ArrayList<>();
            for (String header : forwardedFor) {
                for (String hop : header.split(",")) {
                    hops.add(hop.strip());
                }
            }
            for (int i = hops.size() - 1; i >= 0 && trusted(client); i--) {
                String hop = hops.get(i);
                if (!isLiteral(hop)) {
                    break;
                }
                client = hop;
            }
            return client;
        }

        private boolean trusted(String address) {
            if (!isLiteral(address)) {
                return false;
            }
            for (IpAddressMatcher proxy : trustedProxies) {
                try {
                    if (proxy.matches(address)) {
                        return true;
                    }
                } catch (IllegalArgumentException notAnAddress) {
                    return false;
                }
            }
            return false;
        }
    }

    /** The address as counted: IPv4 as it is, IPv6 by its /64 network, anything else as {@link #UNKNOWN}. */
    static String counted(String address) {
        if (address == null || !isLiteral(address)) {
            return UNKNOWN.address();
        }
        if (IPV4.matcher(address).matches()) {
            return address;
        }
        try {
            byte[] bytes = java.net.InetAddress.getByName(address).getAddress();
            if (bytes.length == 4) {
                return java.net.InetAddress.getByAddress(bytes).getHostAddress();
            }
            StringBuilder network = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return network.append(":/64").toString().toLowerCase(Locale.ROOT);
        } catch (java.net.UnknownHostException e) {
            return UNKNOWN.address();
        }
    }

    /** A literal IPv4 or IPv6 address (never a host name, which would need a DNS look-up). */
    static boolean isLiteral(String address) {
        return address != null && address.length() <= 64
                && (IPV4.matcher(address).matches() || IPV6.matcher(address).matches());
    }
}
