package io.seire.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Whose failures a sign-in counts towards: the peer, unless the peer is a proxy the operator trusts. */
class SignInOriginTest {

    static String origin(List<String> trusted, String peer, String... forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(peer);
        for (String header : forwardedFor) {
            request.addHeader("X-Forwarded-For", header);
        }
        return new SignInOrigin.Source(trusted).buildDetails(request).address();
    }

    @Test
    void x_forwarded_for_is_not_believed_by_default() {
        assertThat(origin(List.of(), "198.51.100.7", "203.0.113.9")).isEqualTo("198.51.100.7");
        assertThat(origin(List.of(""), "127.0.0.1", "203.0.113.9")).isEqualTo("127.0.0.1");
    }

    @Test
    void behind_a_trusted_proxy_the_client_it_forwarded_for_counts() {
        assertThat(origin(List.of("10.0.0.0/8"), "10.1.2.3", "203.0.113.9")).isEqualTo("203.0.113.9");
        // proxies in a row, and several headers
        assertThat(origin(List.of("10.0.0.0/8", "192.0.2.5"), "10.1.2.3", "203.0.113.9, 192.0.2.5", "10.9.9.9"))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void what_the_client_wrote_left_of_itself_is_not_believed() {
        assertThat(origin(List.of("10.0.0.0/8"), "10.1.2.3", "1.2.3.4, 203.0.113.9")).isEqualTo("203.0.113.9");
    }

    @Test
    void a_client_that_is_not_a_trusted_proxy_cannot_forward() {
        assertThat(origin(List.of("10.0.0.0/8"), "198.51.100.7", "10.1.1.1")).isEqualTo("198.51.100.7");
    }

    @Test
    void host_names_in_the_header_are_never_looked_up() {
        assertThat(origin(List.of("10.0.0.0/8"), "10.1.2.3", "seire.example")).isEqualTo("10.1.2.3");
        assertThat(origin(List.of("10.0.0.0/8"), "10.1.2.3", "999.1.1.1")).isEqualTo("10.1.2.3");
    }

    @Test
    void an_ipv6_client_counts_by_its_64_network() {
        assertThat(origin(List.of(), "2001:db8:0:1::17")).isEqualTo("2001:db8:0:1::/64");
        assertThat(origin(List.of(), "2001:db8:0:1:ffff:1:2:3")).isEqualTo("2001:db8:0:1::/64");
        assertThat(origin(List.of(), "::ffff:192.0.2.1")).isEqualTo("192.0.2.1");
    }

    @Test
    void a_trusted_proxy_must_be_an_address() {
        assertThatThrownBy(() -> new SignInOrigin.Source(List.of("proxy.example")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trusted-proxies");
    }
}
