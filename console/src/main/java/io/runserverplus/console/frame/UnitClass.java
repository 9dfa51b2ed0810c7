package io.runserverplus.console.frame;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * A compiled unit defined as a hidden nestmate of the frame's class (so it has the frame's access
 * to private members), made stoppable: every backward jump (and every method's entry) first calls
 * a check that throws once {@link #stop()} was called, as JShell's local execution does. Its
 * {@code $run(Object[] in, Object[] out)} is then called.
 */
final class UnitClass {

    private static final String STOP_FIELD = "$stop";
    private static final String CHECK = "$check";
    static final String STOPPED = "Stopped.";

    private final MethodHandle run;
    private final VarHandle stop;

    private UnitClass(MethodHandles.Lookup unit) throws ReflectiveOperationException {
        Class<?> c = unit.lookupClass();
        run = unit.findStatic(c, "$run", MethodType.methodType(void.class, Object[].class, Object[].class));
        stop = unit.findStaticVarHandle(c, STOP_FIELD, boolean.class);
    }

    static UnitClass define(MethodHandles.Lookup frameLookup, byte[] bytes) throws ReflectiveOperationException {
        MethodHandles.Lookup unit = frameLookup.defineHiddenClass(stoppable(bytes), true,
                MethodHandles.Lookup.ClassOption.NESTMATE);
        return new UnitClass(unit);
    }

    void run(Object[] in, Object[] out) throws Throwable {
        run.invokeExact(in, out);
    }

    /** Makes the running unit throw at its next loop iteration or method call. */
    void stop() {
        stop.setVolatile(true);
    }

    /** Adds the stop flag, the check method, and a call to it before backward jumps and at method entries. */
    static byte[] stoppable(byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, 0);
        String owner = reader.getClassName();
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                if ((access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0 || name.equals("<clinit>")) {
                    return mv;
                }
                return new MethodVisitor(Opcodes.ASM9, mv) {
                    private final java.util.Set<Label> seen = new java.util.HashSet<>();

                    @Override
                    public void visitCode() {
                        super.visitCode();
                        check();
                    }

                    @Override
                    public void visitLabel(Label label) {
                        seen.add(label);
                        super.visitLabel(label);
                    }

                    @Override
                    public void visitJumpInsn(int opcode, Label label) {
                        if (seen.contains(label)) {
                            check(); // a backward jump: a loop
                        }
                        super.visitJumpInsn(opcode, label);
                    }

                    private void check() {
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, owner, CHECK, "()V", false);
                    }

                    @Override
                    public void visitMaxs(int maxStack, int maxLocals) {
                        super.visitMaxs(Math.max(maxStack, 1), maxLocals);
                    }
                };
            }

            @Override
            public void visitEnd() {
                cv.visitField(Opcodes.ACC_STATIC | Opcodes.ACC_VOLATILE | Opcodes.ACC_PRIVATE, STOP_FIELD, "Z",
                        null, null).visitEnd();
                MethodVisitor mv = cv.visitMethod(Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE, CHECK, "()V", null, null);
                mv.visitCode();
                Label go = new Label();
                mv.visitFieldInsn(Opcodes.GETSTATIC, owner, STOP_FIELD, "Z");
                mv.visitJumpInsn(Opcodes.IFEQ, go);
                mv.visitTypeInsn(Opcodes.NEW, "java/util/concurrent/CancellationException");
                mv.visitInsn(Opcodes.DUP);
                mv.visitLdcInsn(STOPPED);
                mv.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/util/concurrent/CancellationException", "<init>",
                        "(Ljava/lang/String;)V", false);
                mv.visitInsn(Opcodes.ATHROW);
                mv.visitLabel(go);
                mv.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
                mv.visitInsn(Opcodes.RETURN);
                mv.visitMaxs(3, 0);
                mv.visitEnd();
                super.visitEnd();
            }
        }, 0);
        return writer.toByteArray();
    }
}
