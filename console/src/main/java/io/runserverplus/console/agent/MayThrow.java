package io.runserverplus.console.agent;

import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Which instructions an exception can leave a method from: only those need a capture handler.
 *
 * <p>Covering only these keeps a method's handlers few (most instructions that change the visible
 * variables, stores and constants, cannot throw) and its variables live no further than its last
 * instruction that can throw. The rules are conservative: an instruction is "cannot throw" only
 * when the JVM specification says so, or a simple pattern proves it (a division by a non-zero
 * constant, a field of {@code this}, a static field of the class itself). Asynchronous errors
 * are not considered: HotSpot delivers them at calls and safepoint polls, not at an {@code iadd}.
 */
final class MayThrow {
    private final String owner;
    private final Set<String> ownStaticFields;
    private final boolean thisIsFinal;

    /**
     * @param ownStaticFields {@code name + descriptor} of the static fields {@code owner} declares
     * @param thisIsFinal whether local 0 holds {@code this} throughout the method (instance method
     *     that never stores into local 0)
     */
    MayThrow(String owner, Set<String> ownStaticFields, boolean thisIsFinal) {
        this.owner = owner;
        this.ownStaticFields = ownStaticFields;
        this.thisIsFinal = thisIsFinal;
    }

    boolean test(AbstractInsnNode insn) {
        int op = insn.getOpcode();
        return switch (op) {
            case Opcodes.INVOKEVIRTUAL, Opcodes.INVOKESPECIAL, Opcodes.INVOKESTATIC, Opcodes.INVOKEINTERFACE,
                 Opcodes.INVOKEDYNAMIC, Opcodes.ATHROW, Opcodes.NEW, Opcodes.NEWARRAY, Opcodes.ANEWARRAY,
                 Opcodes.MULTIANEWARRAY, Opcodes.ARRAYLENGTH, Opcodes.CHECKCAST, Opcodes.INSTANCEOF,
                 Opcodes.MONITORENTER, Opcodes.MONITOREXIT,
                 Opcodes.IALOAD, Opcodes.LALOAD, Opcodes.FALOAD, Opcodes.DALOAD, Opcodes.AALOAD, Opcodes.BALOAD,
                 Opcodes.CALOAD, Opcodes.SALOAD, Opcodes.IASTORE, Opcodes.LASTORE, Opcodes.FASTORE, Opcodes.DASTORE,
                 Opcodes.AASTORE, Opcodes.BASTORE, Opcodes.CASTORE, Opcodes.SASTORE -> true;
            case Opcodes.IDIV, Opcodes.IREM, Opcodes.LDIV, Opcodes.LREM -> !nonZeroConstant(previous(insn));
            case Opcodes.GETSTATIC, Opcodes.PUTSTATIC -> !ownStaticField((FieldInsnNode) insn);
            case Opcodes.GETFIELD -> !loadsThis(previous(insn));
            case Opcodes.PUTFIELD -> {
                AbstractInsnNode value = previous(insn);
                yield !(pushesOneValue(value) && loadsThis(previous(value)));
            }
            // A class, method type or handle, or dynamic constant is resolved, and may fail to be.
            case Opcodes.LDC -> !(((LdcInsnNode) insn).cst instanceof String || ((LdcInsnNode) insn).cst instanceof Number);
            default -> false; // loads, stores, constants, arithmetic, conversions, jumps, returns
        };
    }

    /** Static fields of the class itself: it is initialized (or being, by this thread) while its code runs. */
    private boolean ownStaticField(FieldInsnNode field) {
        return field.owner.equals(owner) && ownStaticFields.contains(field.name + field.desc);
    }

    private boolean loadsThis(AbstractInsnNode insn) {
        return thisIsFinal && insn != null && insn.getOpcode() == Opcodes.ALOAD && ((VarInsnNode) insn).var == 0;
    }

    /** A load of a local or a constant: pushes exactly one value and cannot throw. */
    private static boolean pushesOneValue(AbstractInsnNode insn) {
        if (insn == null) {
            return false;
        }
        int op = insn.getOpcode();
        return (op >= Opcodes.ACONST_NULL && op <= Opcodes.DCONST_1) || op == Opcodes.BIPUSH || op == Opcodes.SIPUSH
                || (op >= Opcodes.ILOAD && op <= Opcodes.ALOAD)
                || (op == Opcodes.LDC && (((LdcInsnNode) insn).cst instanceof String || ((LdcInsnNode) insn).cst instanceof Number));
    }

    private static boolean nonZeroConstant(AbstractInsnNode insn) {
        if (insn == null) {
            return false;
        }
        int op = insn.getOpcode();
        if (op == Opcodes.ICONST_M1 || (op >= Opcodes.ICONST_1 && op <= Opcodes.ICONST_5) || op == Opcodes.LCONST_1) {
            return true;
        }
        if (op == Opcodes.BIPUSH || op == Opcodes.SIPUSH) {
            return ((IntInsnNode) insn).operand != 0;
        }
        if (op == Opcodes.LDC) {
            Object value = ((LdcInsnNode) insn).cst;
            return (value instanceof Integer i && i != 0) || (value instanceof Long l && l != 0);
        }
        return false;
    }

    /**
     * The instruction executed just before {@code insn}, or null when that is not certain: labels and
     * line numbers are skipped, but a frame marks a jump target, reached from elsewhere too.
     */
    private static AbstractInsnNode previous(AbstractInsnNode insn) {
        for (AbstractInsnNode p = insn.getPrevious(); p != null; p = p.getPrevious()) {
            if (p instanceof FrameNode) {
                return null;
            }
            if (p.getOpcode() >= 0) {
                return p;
            }
        }
        return null;
    }
}
