package io.runserverplus.console.frame;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;

/**
 * A class file held in memory: one javac reads (a relaxed frame class, a type the console declared)
 * or one javac writes (a compiled unit).
 */
final class ClassBytes extends SimpleJavaFileObject {

    final String binaryName;
    private byte[] bytes;

    ClassBytes(String binaryName, byte[] bytes) {
        super(URI.create("mem:///" + binaryName.replace('.', '/') + ".class"), JavaFileObject.Kind.CLASS);
        this.binaryName = binaryName;
        this.bytes = bytes;
    }

    byte[] bytes() {
        return bytes;
    }

    @Override
    public InputStream openInputStream() {
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public OutputStream openOutputStream() {
        return new ByteArrayOutputStream() {
            @Override
            public void close() throws IOException {
                super.close();
                bytes = toByteArray();
            }
        };
    }
}
