package org.marcring.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Output to a file that appears only on success: bytes go to a temporary file in the same folder, which
 * {@link #commit()} renames to the target (atomically where the file system can), and {@link #abort()}
 * deletes. A failed run never leaves a truncated file under the target's name.
 */
final class FileOutput implements ByteOutput {
    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private boolean open = true;

    FileOutput(Path target) throws IOException {
        this.target = target.toAbsolutePath();
        this.temp = PartFile.create(this.target);
        FileChannel ch;
        try {
            ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        this.channel = ch;
    }

    /** The target file. */
    Path target() {
        return target;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes, offset, length);
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }

    @Override
    public void flush() {
        // writes go straight to the channel
    }

    /** Closes the temporary file; the target does not change yet. */
    @Override
    public void complete() throws IOException {
        if (open) {
            open = false;
            try {
                channel.close();
            } catch (IOException | RuntimeException e) {
                deleteTemp();
                throw e;
            }
        }
    }

    /** Completes the file if not done yet, and renames it to the target. */
    @Override
    public void commit() throws IOException {
        complete();
        try {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            deleteTemp();
            throw e;
        }
    }

    @Override
    public void abort() {
        if (open) {
            open = false;
            try {
                channel.close();
            } catch (IOException ignored) {
                // the file is deleted next
            }
        }
        deleteTemp();
    }

    private void deleteTemp() {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // nothing more can be done; the name marks it as partial
        }
    }
}
