package io.seire.tools.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** The jars the tools start processes from: Seire's own nodes run the shipped jar, the tools' helpers this one. */
final class Jars {

    private Jars() {
    }

    /** {@code seire.jar}, as {@code ops/run} starts it: {@code -Dseire.jar=…}, else {@code ops/target/seire.jar}. */
    static String seire() {
        Path jar = Path.of(System.getProperty("seire.jar", "ops/target/seire.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No Seire jar at " + jar + ": build it (mvn -DskipTests package) or "
                    + "name it with -Dseire.jar=…");
        }
        return jar.toString();
    }

    /** The jar this tool runs from (its helper processes start from it with {@code -Dloader.main}). */
    static String tools() {
        return System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0];
    }
}
