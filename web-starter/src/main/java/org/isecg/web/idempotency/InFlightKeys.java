package org.isecg.web.idempotency;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The keys of the requests this instance is processing now. A request claims its (caller, key)
 * before anything else and releases it when answered; a second request with the same pair meanwhile
 * is refused with {@code 409} rather than processed twice. This covers one instance only: across
 * instances the unique index on the stored key decides, and the loser answers as a retry.
 */
public class InFlightKeys {

    private final Set<Pair> claimed = ConcurrentHashMap.newKeySet();

    /** A claim on the pair, or empty while another request holds it. */
    public Optional<Claim> claim(String caller, IdempotencyKey key) {
        Pair pair = new Pair(caller, key.value());
        return claimed.add(pair) ? Optional.of(new Claim(pair)) : Optional.empty();
    }

    public boolean isClaimed(String caller, IdempotencyKey key) {
        return claimed.contains(new Pair(caller, key.value()));
    }

    /** Held while one request with the key is processed; closing it more than once is harmless. */
    public final class Claim implements AutoCloseable {

        private final Pair pair;
        private final AtomicBoolean released = new AtomicBoolean();

        private Claim(Pair pair) {
            this.pair = pair;
        }

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                claimed.remove(pair);
            }
        }
    }

    private record Pair(String caller, String key) {
    }
}
