package io.runserverplus.console.agent;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Makes {@code java.lang.Runtime.exit(int)} and {@code halt(int)} call {@link ExitGuard#check()}
 * first, by retransforming {@code Runtime} (loaded long before any agent starts). Every way to end the
 * JVM from Java goes through them: {@code System.exit}, reflection, method handles.
 */
final class ExitGuardInstaller implements ClassFileTransformer {

    private static final String RUNTIME = "java/lang/Runtime";
    private static final String GUARD = ExitGuard.class.getName().replace('.', '/');

    /** Installs the guard; returns why it could not, or null. {@link ExitGuard} must be on the boot class path. */
    static String install(Instrumentation instrumentation) {
        try {
            if (!instrumentation.isRetransformClassesSupported() || !instrumentation.isModifiableClass(Runtime.class)) {
                return "this JVM cannot retransform java.lang.Runtime";
            }
            // Runtime is in java.base, which reads no unnamed module by itself: let it read the boot
            // class path's, where ExitGuard is.
            Class<?> guard = Class.forName(ExitGuard.class.getName(), true, null);
            instrumentation.redefineModule(Runtime.class.getModule(), Set.of(guard.getModule()), Map.of(), Map.of(),
                    Set.of(), Map.of());
            ExitGuardInstaller installer = new ExitGuardInstaller();
            // Stays registered, so that another agent's retransformation of Runtime keeps the guard.
            instrumentation.addTransformer(installer, true);
            instrumentation.retransformClasses(Runtime.class);
            if (!installer.applied) {
                instrumentation.removeTransformer(installer);
                return "java.lang.Runtime has no exit(int) and halt(int) to guard";
            }
            ExitGuard.activate();
            return null;
        } catch (ReflectiveOperationException | UnmodifiableClassException | RuntimeException | LinkageError e) {
            return e.toString();
        }
    }

    private volatile boolean applied;

    private ExitGuardInstaller() {}

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain domain, byte[] classfileBuffer) {
        if (loader != null || !RUNTIME.equals(className)) {
            return null;
        }
        try {
            ClassReader reader = new ClassReader(classfileBuffer);
            ClassWriter writer = new ClassWriter(reader, 0); // the call takes no stack: sizes stay
            int[] guarded = {0};
            reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                    if (!("exit".equals(name) || "halt".equals(name)) || !"(I)V".equals(descriptor)) {
                        return mv;
                    }
                    guarded[0]++;
                    return new MethodVisitor(Opcodes.ASM9, mv) {
                        @Override
                        public void visitCode() {
                            super.visitCode();
                            super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARD, "check", "()V", false);
                        }
                    };
                }
            }, 0);
            if (guarded[0] != 2) {
                return null;
            }
            applied = true;
            return writer.toByteArray();
        } catch (RuntimeException e) {
            return null; // a class file this ASM cannot read: Runtime stays as it is
        }
    }
}
