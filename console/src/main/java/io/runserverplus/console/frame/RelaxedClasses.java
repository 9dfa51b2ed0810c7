package io.runserverplus.console.frame;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The class files javac compiles a console unit against for the frame class's nest: the same
 * classes with {@code private} dropped from every class, field, method and inner-class entry, so
 * that javac accepts what the frame's own code may use. At run time the unit is a nestmate of the
 * frame class, which gives it that access for real; the relaxed bytes are never loaded.
 */
final class RelaxedClasses {

    private RelaxedClasses() {
    }

    /** Per nest host: its nest relaxed, read once (binding a frame again costs nothing). */
    private static final ClassValue<Map<String, byte[]>> NESTS = new ClassValue<>() {
        @Override
        protected Map<String, byte[]> computeValue(Class<?> host) {
            return relaxNest(host);
        }
    };

    /** The relaxed class files of {@code frameClass}'s nest, by binary name; empty when unreadable. */
    static Map<String, byte[]> ofNest(Class<?> frameClass) {
        return NESTS.get(frameClass.getNestHost());
    }

    private static Map<String, byte[]> relaxNest(Class<?> host) {
        Map<String, byte[]> relaxed = new LinkedHashMap<>();
        for (Class<?> member : host.getNestMembers()) {
            if (member.isHidden()) {
                continue;
            }
            byte[] original = read(member);
            if (original != null) {
                relaxed.put(member.getName(), relax(original));
            }
        }
        return java.util.Collections.unmodifiableMap(relaxed);
    }

    private static byte[] read(Class<?> c) {
        ClassLoader loader = c.getClassLoader();
        String resource = c.getName().replace('.', '/') + ".class";
        try (InputStream in = loader == null ? ClassLoader.getSystemResourceAsStream(resource)
                : loader.getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static byte[] relax(byte[] original) {
        ClassReader reader = new ClassReader(original);
        ClassWriter writer = new ClassWriter(0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                              String[] interfaces) {
                super.visit(version, open(access), name, signature, superName, interfaces);
            }

            @Override
            public void visitInnerClass(String name, String outerName, String innerName, int access) {
                super.visitInnerClass(name, outerName, innerName, open(access));
            }

            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                return super.visitField(open(access), name, descriptor, signature, value);
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                // Only signatures matter to javac: the reader skips bodies, which also makes the copy cheap.
                return super.visitMethod(open(access), name, descriptor, signature, exceptions);
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_FRAMES);
        return writer.toByteArray();
    }

    private static int open(int access) {
        return access & ~Opcodes.ACC_PRIVATE;
    }
}
