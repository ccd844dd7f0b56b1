package io.seire.platform.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

/** AES-GCM with one cipher kept per thread (an import seals, and its projection opens, one text per row). */
class AeadTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void a_thread_seals_and_opens_texts_under_different_keys_in_turn() throws Exception {
        SecretKey one = Aead.newKey();
        SecretKey two = Aead.newKey();
        byte[] a = Aead.encrypt(one, utf8("Õun ja šokolaad 🍫"), utf8("text/1"));
        byte[] b = Aead.encrypt(two, utf8("Пример"), utf8("text/2"));
        byte[] again = Aead.encrypt(one, utf8("Õun ja šokolaad 🍫"), utf8("text/1"));

        assertThat(again).isNotEqualTo(a); // a fresh nonce every time
        assertThat(new String(Aead.decrypt(two, b, utf8("text/2")), StandardCharsets.UTF_8)).isEqualTo("Пример");
        assertThat(new String(Aead.decrypt(one, a, utf8("text/1")), StandardCharsets.UTF_8)).isEqualTo("Õun ja šokolaad 🍫");
        assertThat(new String(Aead.decrypt(one, again, utf8("text/1")), StandardCharsets.UTF_8)).isEqualTo("Õun ja šokolaad 🍫");
    }

    @Test
    void a_refused_open_leaves_the_threads_cipher_usable() throws Exception {
        SecretKey key = Aead.newKey();
        byte[] sealed = Aead.encrypt(key, utf8("kulu"), utf8("text/1"));
        byte[] changed = sealed.clone();
        changed[changed.length - 1] ^= 1;

        assertThatThrownBy(() -> Aead.decrypt(key, changed, utf8("text/1"))).isInstanceOf(AEADBadTagException.class);
        assertThatThrownBy(() -> Aead.decrypt(Aead.newKey(), sealed, utf8("text/1"))).isInstanceOf(AEADBadTagException.class);
        assertThatThrownBy(() -> Aead.decrypt(key, sealed, utf8("text/2"))).isInstanceOf(AEADBadTagException.class);
        assertThat(new String(Aead.decrypt(key, sealed, utf8("text/1")), StandardCharsets.UTF_8)).isEqualTo("kulu");
        assertThat(Aead.decrypt(key, Aead.encrypt(key, utf8("järgmine"), utf8("x")), utf8("x"))).isEqualTo(utf8("järgmine"));
    }

    @Test
    void threads_sealing_at_once_each_open_their_own_texts() throws Exception {
        SecretKey key = Aead.newKey();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        byte[] plain = utf8("rida " + thread + "/" + i + " žõ");
                        byte[] associated = utf8("text/" + thread + "/" + i);
                        if (!java.util.Arrays.equals(Aead.decrypt(key, Aead.encrypt(key, plain, associated), associated), plain)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
