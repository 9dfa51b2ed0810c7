package io.runserverplus.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Finds the classes of a project whose {@code static main(String[])} sits in a class that uses
 * {@code RunServerPlus}: the app's entry point, found by reading class files (the app's classes
 * are never loaded, so no static initializer of the app runs in Maven).
 */
final class MainClassFinder {

    static final String RUN_SERVER_PLUS = "io/runserverplus/core/RunServerPlus";
    private static final String MAIN_DESCRIPTOR = "([Ljava/lang/String;)V";

    private MainClassFinder() {
    }

    /** The binary names of the candidate classes under a class directory, sorted; empty when it does not exist. */
    static List<String> candidates(Path classDirectory) {
        if (!Files.isDirectory(classDirectory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(classDirectory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".class"))
                    .filter(file -> !file.getFileName().toString().equals("module-info.class"))
                    .map(MainClassFinder::startingMain)
                    .flatMap(Optional::stream)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a class directory holds the class file of a binary class name. */
    static boolean contains(Path classDirectory, String className) {
        return Files.isRegularFile(classDirectory.resolve(className.replace('.', '/') + ".class"));
    }

    private static Optional<String> startingMain(Path classFile) {
        ClassReader reader;
        try {
            reader = new ClassReader(Files.readAllBytes(classFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException notAClassFile) {
            return Optional.empty(); // a newer class file version or a stray file: not ours to judge
        }
        MainScan scan = new MainScan();
        reader.accept(scan, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return scan.hasMain && scan.usesRunServerPlus
                ? Optional.of(Type.getObjectType(reader.getClassName()).getClassName())
                : Optional.empty();
    }

    /** Notes a static main and any use of RunServerPlus in the class's code (main may call a helper that starts it). */
    private static final class MainScan extends ClassVisitor {
        boolean hasMain;
        boolean usesRunServerPlus;

        MainScan() {
            super(Opcodes.ASM9);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            if ("main".equals(name) && MAIN_DESCRIPTOR.equals(descriptor) && (access & Opcodes.ACC_STATIC) != 0) {
                hasMain = true;
            }
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitMethodInsn(int opcode, String owner, String methodName, String methodDescriptor,
                        boolean isInterface) {
                    note(owner);
                }

                @Override
                public void visitTypeInsn(int opcode, String type) {
                    note(type);
                }

                @Override
                public void visitInvokeDynamicInsn(String methodName, String methodDescriptor, Handle bootstrap,
                        Object... arguments) {
                    for (Object argument : arguments) {
                        if (argument instanceof Handle handle) {
                            note(handle.getOwner());
                        }
                    }
                }
            };
        }

        private void note(String internalName) {
            usesRunServerPlus |= RUN_SERVER_PLUS.equals(internalName);
        }
    }
}
