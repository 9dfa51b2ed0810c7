package io.runserverplus.console.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Builds test classes whose methods only throw, written with ASM where javac cannot give the shape a
 * test needs (a method near 64 KB, 254 parameters, a method added to a class read as a tree).
 */
final class ThrowingMethods {

    private ThrowingMethods() {}

    /**
     * Adds to {@code type} a method that throws a new {@link IllegalStateException}, after {@code nops}
     * NOPs that only make it bigger. Its max stack and locals are left for the class writer to compute
     * ({@link ClassWriter#COMPUTE_MAXS}).
     */
    static void add(ClassVisitor type, int access, String name, String descriptor, int nops) {
        MethodVisitor method = type.visitMethod(access, name, descriptor, null, null);
        method.visitCode();
        for (int i = 0; i < nops; i++) {
            method.visitInsn(Opcodes.NOP);
        }
        method.visitTypeInsn(Opcodes.NEW, "java/lang/IllegalStateException");
        method.visitInsn(Opcodes.DUP);
        method.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/IllegalStateException", "<init>", "()V", false);
        method.visitInsn(Opcodes.ATHROW);
        method.visitMaxs(0, 0);
        method.visitEnd();
    }

    /**
     * Writes the public class {@code internalName} (e.g. {@code demo/gen/Big}), with the methods
     * {@code methods} adds to it, as a class file under the class path directory {@code output}.
     */
    static void writeClass(Path output, String internalName, Consumer<ClassVisitor> methods) throws IOException {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V21, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, internalName, null, "java/lang/Object", null);
        methods.accept(writer);
        writer.visitEnd();
        Path file = output.resolve(internalName + ".class");
        Files.createDirectories(file.getParent());
        Files.write(file, writer.toByteArray());
    }
}
