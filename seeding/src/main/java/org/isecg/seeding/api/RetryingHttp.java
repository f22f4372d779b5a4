package org.isecg.seeding.api;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

/**
 * Sends requests with {@link HttpSettings}' bounds: a connection failure, a timeout, a 5xx or a 429 (the
 * gateway's rate limit) is tried again with exponential back-off (Resilience4j's retry), honouring a {@code Retry-After} in seconds up to the
 * longest pause. Every request the tool sends is safe to repeat: reads, creates under an
 * {@code Idempotency-Key}, changes under {@code If-Match}, and token requests.
 */
final class RetryingHttp {

    private final HttpClient client;
    private final HttpSettings settings;
    private final Retry retry;

    RetryingHttp(HttpSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        RetryConfig config = RetryConfig.<HttpResponse<String>>custom()
                .maxAttempts(settings.maxAttempts())
                // ConnectException, HttpTimeoutException, a connection reset: all IOExceptions
                .retryExceptions(IOException.class)
                .retryOnResult(response -> response.statusCode() >= 500 || response.statusCode() == 429)
                .intervalBiFunction((IntervalBiFunction<HttpResponse<String>>) this::pause)
                .build();
        this.retry = Retry.of("hub-api", config);
    }

    /** The answer, the last one if every try was a 5xx. */
    HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(settings.requestTimeout()).build();
        try {
            return Retry.decorateCheckedSupplier(retry, () -> client.send(built, HttpResponse.BodyHandlers.ofString())).get();
        } catch (IOException e) {
            throw new HubApiException(built.method() + " " + built.uri() + " failed after " + settings.maxAttempts()
                    + " tries: " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubApiException("interrupted during " + built.method() + " " + built.uri(), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new HubApiException(built.method() + " " + built.uri() + " failed: " + describe(e), e);
        }
    }

    private Long pause(Integer attempt, Either<Throwable, HttpResponse<String>> outcome) {
        long backoff = settings.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
        long wanted = outcome.isRight() ? Math.max(backoff, retryAfterMillis(outcome.get()).orElse(0L)) : backoff;
        return Math.min(wanted, settings.maxBackoff().toMillis());
    }

    private static Optional<Long> retryAfterMillis(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())).toMillis());
            } catch (NumberFormatException e) {
                // an HTTP date: the back-off alone decides
                return Optional.empty();
            }
        });
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
