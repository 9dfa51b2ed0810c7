package io.runserverplus.console.agent;

import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The kind of each local slot before each instruction, replayed from the stack-map frames javac
 * declared plus the stores between them.
 *
 * <p>Why not ASM's {@code Analyzer}: its frames were rejected by the verifier in the spike, and
 * the declared frames already are what the verifier checks against; between two frames only stores
 * change a local's type. References are kept as one kind, declared {@code java/lang/Object} in the
 * handler frames, which every reference type is assignable to, so no class is ever loaded.
 */
final class LocalsReplay {
    static final byte TOP = 0, INT = 1, FLOAT = 2, LONG = 3, DOUBLE = 4, REF = 5, HALF = 6, UNINIT = 7;

    private LocalsReplay() {}

    /**
     * Slot kinds before each instruction (indexed like {@code method.instructions}); null where not
     * known or not to be covered: after an unconditional jump until the next frame, and in a
     * constructor before its {@code super()}/{@code this()} call, where {@code this} is uninitialized.
     *
     * @return null when the method cannot be replayed (old {@code jsr}/{@code ret} code)
     */
    static byte[][] replay(MethodNode method) {
        int size = Math.max(method.maxLocals, 1);
        byte[][] before = new byte[method.instructions.size()][];
        boolean ctor = method.name.equals("<init>");
        byte[] state = initial(method, size, ctor);
        boolean thisReady = !ctor;
        int pendingNews = 0; // NEW ... <init> pairs open before the super() call
        int index = 0;
        for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext(), index++) {
            if (insn instanceof FrameNode frame) {
                if (frame.type != Opcodes.F_NEW) {
                    return null; // the reader must expand frames
                }
                state = fromFrame(frame.local, size);
                continue;
            }
            int op = insn.getOpcode();
            if (op < 0) {
                continue;
            }
            if (op == Opcodes.JSR || op == Opcodes.RET) {
                return null;
            }
            before[index] = state == null || !thisReady ? null : state.clone();
            if (state == null) {
                continue;
            }
            switch (op) {
                case Opcodes.ISTORE -> set(state, ((VarInsnNode) insn).var, INT);
                case Opcodes.FSTORE -> set(state, ((VarInsnNode) insn).var, FLOAT);
                case Opcodes.ASTORE -> set(state, ((VarInsnNode) insn).var, REF);
                case Opcodes.LSTORE -> set(state, ((VarInsnNode) insn).var, LONG);
                case Opcodes.DSTORE -> set(state, ((VarInsnNode) insn).var, DOUBLE);
                case Opcodes.NEW -> pendingNews++;
                case Opcodes.INVOKESPECIAL -> {
                    if (!thisReady && ((MethodInsnNode) insn).name.equals("<init>")) {
                        if (pendingNews > 0) {
                            pendingNews--;
                        } else {
                            thisReady = true; // code from the next instruction sees an initialized this
                            state[0] = REF;
                        }
                    }
                }
                case Opcodes.GOTO, Opcodes.ATHROW, Opcodes.TABLESWITCH, Opcodes.LOOKUPSWITCH,
                     Opcodes.IRETURN, Opcodes.LRETURN, Opcodes.FRETURN, Opcodes.DRETURN,
                     Opcodes.ARETURN, Opcodes.RETURN -> state = null; // the next instruction has a frame
                default -> { }
            }
        }
        return before;
    }

    /** The kind a descriptor's value has in a local slot. */
    static byte kindOf(String descriptor) {
        return switch (descriptor.charAt(0)) {
            case 'Z', 'B', 'C', 'S', 'I' -> INT;
            case 'F' -> FLOAT;
            case 'J' -> LONG;
            case 'D' -> DOUBLE;
            default -> REF;
        };
    }

    private static byte[] initial(MethodNode method, int size, boolean ctor) {
        byte[] state = new byte[size + 2];
        int slot = 0;
        if ((method.access & Opcodes.ACC_STATIC) == 0) {
            state[slot++] = ctor ? UNINIT : REF;
        }
        for (Type arg : Type.getArgumentTypes(method.desc)) {
            set(state, slot, kindOf(arg.getDescriptor()));
            slot += arg.getSize();
        }
        return state;
    }

    private static byte[] fromFrame(List<Object> locals, int size) {
        byte[] state = new byte[size + 2];
        int slot = 0;
        for (Object type : locals) {
            if (slot >= size) {
                break;
            }
            byte kind;
            if (type == Opcodes.INTEGER) {
                kind = INT;
            } else if (type == Opcodes.FLOAT) {
                kind = FLOAT;
            } else if (type == Opcodes.LONG) {
                kind = LONG;
            } else if (type == Opcodes.DOUBLE) {
                kind = DOUBLE;
            } else if (type == Opcodes.NULL || type instanceof String) {
                kind = REF;
            } else if (type == Opcodes.UNINITIALIZED_THIS || type instanceof LabelNode) {
                kind = UNINIT;
            } else {
                kind = TOP;
            }
            set(state, slot, kind);
            slot += kind == LONG || kind == DOUBLE ? 2 : 1;
        }
        return state;
    }

    /** Stores a kind, clearing the halves of a long or double it overwrites, as the verifier does. */
    private static void set(byte[] state, int slot, byte kind) {
        if (slot + 2 >= state.length) {
            return; // beyond max_locals: malformed, leave it untracked
        }
        if (slot > 0 && (state[slot - 1] == LONG || state[slot - 1] == DOUBLE)) {
            state[slot - 1] = TOP;
        }
        boolean wide = kind == LONG || kind == DOUBLE;
        if (state[slot + 1] == HALF && !wide) {
            state[slot + 1] = TOP;
        }
        if (wide && (state[slot + 1] == LONG || state[slot + 1] == DOUBLE)) {
            state[slot + 2] = TOP;
        }
        state[slot] = kind;
        if (wide) {
            state[slot + 1] = HALF;
        }
    }
}
