package io.runserverplus.core.terminal;

import io.runserverplus.core.settings.SettingsException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --output FILE}: everything this JVM prints on standard output and error also goes to the
 * file (a child's output passes through its supervisor, so only the supervisor installs this).
 */
public final class OutputCopy {
    private OutputCopy() {
    }

    public static void install(Path file) {
        OutputStream copy;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            copy = new FileOutputStream(file.toFile(), false);
        } catch (IOException | SecurityException cannotWrite) {
            throw new SettingsException("Cannot write the output copy to \"" + file + "\" (" + cannotWrite.getMessage()
                    + "); choose a writable file with --output.");
        }
        System.setOut(new PrintStream(new Tee(System.out, copy), true));
        System.setErr(new PrintStream(new Tee(System.err, copy), true));
    }

    /** Writes to the standard stream and the file; the file's lock keeps stdout and stderr lines whole. */
    private static final class Tee extends OutputStream {
        private final OutputStream standard;
        private final OutputStream file;

        Tee(OutputStream standard, OutputStream file) {
            this.standard = standard;
            this.file = file;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            standard.write(bytes, offset, length);
            synchronized (file) {
                file.write(bytes, offset, length);
            }
        }

        @Override
        public void flush() throws IOException {
            standard.flush();
            synchronized (file) {
                file.flush();
            }
        }
    }
}
