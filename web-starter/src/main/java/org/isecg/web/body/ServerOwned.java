package org.isecg.web.body;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The names a request record declares server-owned: fields of the resource (or of its stored
 * document) that only the service sets, such as ids, versions, timestamps and history. A body that
 * sends one is refused with a 400 that calls it server-owned, rather than a field the request does not
 * know; either way nothing of the body is applied. The names must not be components of the record
 * (those the body may set); they are matched at the level of the record's own object, so a nested
 * record declares its own.
 *
 * <pre>{@code
 * @ServerOwned({"code", "version", "registeredAt", "updatedAt"})
 * record UpdateAgency(String name, ...) {}
 * }</pre>
 *
 * A field a record must keep but that is server-owned for some callers only (a plan's owner, which
 * the secretariat may set when importing) is refused in code with
 * {@link org.isecg.web.problem.RefusedFieldsException#serverOwned(String...)}, which answers the same.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ServerOwned {

    /** The server-owned names, as they would appear in the JSON body. */
    String[] value();
}
