package org.isecg.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Writes the jar of {@link ParentWatchAgent}, once per JVM, from the agent's own class bytes, so
 * that the launcher works the same from the executable jar, the plain jar and the IDE.
 */
final class ParentWatchAgentJar {

    private static final String CLASS_ENTRY = ParentWatchAgent.class.getName().replace('.', '/') + ".class";

    private ParentWatchAgentJar() {
    }

    /** The agent jar's path; written on first use into a temporary file removed when this JVM exits. */
    static Path path() {
        return Holder.PATH;
    }

    private static final class Holder {
        private static final Path PATH = write();
    }

    private static Path write() {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), ParentWatchAgent.class.getName());
        try (InputStream classBytes = ParentWatchAgent.class.getClassLoader().getResourceAsStream(CLASS_ENTRY)) {
            if (classBytes == null) {
                throw new IllegalStateException("class file of " + ParentWatchAgent.class.getName() + " not found");
            }
            Path jar = Files.createTempFile("isecg-parent-watch", ".jar");
            jar.toFile().deleteOnExit();
            try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
                out.putNextEntry(new JarEntry(CLASS_ENTRY));
                classBytes.transferTo(out);
                out.closeEntry();
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the parent-watch agent jar", e);
        }
    }
}
