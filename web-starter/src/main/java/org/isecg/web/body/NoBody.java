package org.isecg.web.body;

/**
 * The body of an operation that takes none, declared {@code @RequestBody(required = false) NoBody body}
 * so that a body with fields is refused like any other ({@code /problems/refused-fields}) instead of
 * being silently ignored: a client that sends {@code {"read": false}} to "mark read" learns that
 * nothing of it applies. No body, or an empty object, is fine.
 */
public record NoBody() {
}
