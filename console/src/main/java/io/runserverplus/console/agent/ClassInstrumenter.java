package io.runserverplus.console.agent;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/** Instruments every eligible method of one class file; pure bytes in, bytes out, no class loading. */
final class ClassInstrumenter {
    private ClassInstrumenter() {}

    /**
     * The instrumented class file, or null to leave the class unchanged (nothing to instrument,
     * no stack-map frames to replay, or it could not be written).
     *
     * @param log told about each method skipped because instrumenting it would pass 64 KB
     */
    static byte[] instrument(byte[] original, Consumer<String> log) {
        Set<String> tooLarge = new HashSet<>();
        // A method that grows past 64 KB is only found when writing: drop it and write again.
        for (int attempt = 0; attempt < 8; attempt++) {
            ClassReader reader = new ClassReader(original);
            ClassNode node = new ClassNode();
            // Expanded frames: each declares all locals, which is what the replay starts from.
            reader.accept(node, ClassReader.EXPAND_FRAMES);
            int version = node.version & 0xFFFF;
            boolean isInterface = (node.access & Opcodes.ACC_INTERFACE) != 0;
            if (version < Opcodes.V1_6 || (node.access & Opcodes.ACC_MODULE) != 0) {
                return null; // no stack-map frames before Java 6; module-info has no code
            }
            if (isInterface && version < Opcodes.V1_8) {
                return null; // no private static (helper) methods in interfaces before Java 8
            }
            if (node.methods.stream().anyMatch(m -> m.name.startsWith(RecordHelpers.PREFIX))) {
                return null; // instrumented already
            }
            Set<String> staticFields = new HashSet<>();
            for (FieldNode field : node.fields) {
                if ((field.access & Opcodes.ACC_STATIC) != 0) {
                    staticFields.add(field.name + field.desc);
                }
            }
            RecordHelpers helpers = new RecordHelpers(node.name, isInterface);
            boolean changed = false;
            for (MethodNode method : node.methods) {
                if (MethodInstrumenter.eligible(method) && !tooLarge.contains(method.name + method.desc)) {
                    MayThrow mayThrow = new MayThrow(node.name, staticFields, thisIsFinal(method));
                    changed |= MethodInstrumenter.instrument(node.name, method, mayThrow, helpers);
                }
            }
            if (!changed) {
                return null;
            }
            helpers.addTo(node);
            // COMPUTE_MAXS only: COMPUTE_FRAMES would load classes from inside the transformer.
            ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
            node.accept(writer);
            try {
                return writer.toByteArray();
            } catch (MethodTooLargeException e) {
                tooLarge.add(e.getMethodName() + e.getDescriptor());
                log.accept("left " + node.name + "." + e.getMethodName() + e.getDescriptor()
                        + " unchanged: instrumented it would pass 64 KB");
            }
        }
        return null;
    }

    /** Whether local 0 holds {@code this} all through {@code method}: an instance method that never stores into it. */
    private static boolean thisIsFinal(MethodNode method) {
        if ((method.access & Opcodes.ACC_STATIC) != 0) {
            return false;
        }
        for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof VarInsnNode store && store.getOpcode() == Opcodes.ASTORE && store.var == 0) {
                return false;
            }
        }
        return true;
    }
}
