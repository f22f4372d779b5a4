package org.isecg.identity.key;

import java.nio.file.Path;

/** The signing key file is missing where it must exist, unreadable or not a usable key: the start stops. */
public final class SigningKeyException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String action;

    public SigningKeyException(Path file, String reason, String action) {
        super("Cannot use the signing key " + file + ": " + reason);
        this.file = file;
        this.action = action;
    }

    /** The key file concerned. */
    public Path file() {
        return file;
    }

    /** What an operator can do about it. */
    public String action() {
        return action;
    }
}
