package org.marcring.engine;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The temporary file an output is written to before it is renamed to its name: hidden, beside the target
 * (so that the rename stays on one file system), named {@code .<target>.<random>.part}. Unlike
 * {@link Files#createTempFile}, which makes a file only its owner may read, it is created with the
 * permissions any new file gets (the process's umask), so the finished output is readable as any other
 * file the user writes.
 */
final class PartFile {
    private PartFile() {
    }

    /**
     * Creates a new, empty temporary file for {@code target} in its folder.
     *
     * @throws IOException if the folder cannot be written
     */
    static Path create(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        String name = "." + absolute.getFileName() + ".";
        while (true) {
            Path part = dir.resolve(name + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + ".part");
            try {
                return Files.createFile(part);
            } catch (FileAlreadyExistsException taken) {
                // another writer's; draw again
            }
        }
    }
}
