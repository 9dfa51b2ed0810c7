package io.runserverplus.console.agent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Appends to one method the catch-all handlers that record its locals and rethrow.
 *
 * <p>Instructions are grouped by the variables visible before them; each group gets one handler
 * whose frame declares exactly those variables (references as {@code Object}, the rest
 * {@code TOP}), so the frame is valid for every instruction it covers. Its entries go at the end
 * of the exception table: the method's own handlers win, and ours run only for an exception that
 * is leaving the method, after its {@code finally} code ran.
 */
final class MethodInstrumenter {
    static final String RECORDER = "io/runserverplus/console/agent/CapturedFrames";
    private static final String THROWABLE = "java/lang/Throwable";

    private record Variable(int slot, byte kind, String name, String descriptor, String declared) {}

    private record Range(AbstractInsnNode first, AbstractInsnNode last, LabelNode handler) {}

    private MethodInstrumenter() {}

    /** Whether the method may be instrumented at all. */
    static boolean eligible(MethodNode method) {
        int skip = Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_BRIDGE;
        return (method.access & skip) == 0 && method.instructions.size() > 0;
    }

    /** Instruments {@code method} of class {@code owner}; returns false (method untouched) if it cannot. */
    static boolean instrument(String owner, MethodNode method) {
        byte[][] before = LocalsReplay.replay(method);
        if (before == null) {
            return false;
        }
        InsnList insns = method.instructions;
        List<LocalVariableNode> lvt = method.localVariables == null ? List.of() : method.localVariables;
        int[][] scopes = new int[lvt.size()][]; // instruction-index range of each LVT entry
        for (int i = 0; i < lvt.size(); i++) {
            scopes[i] = new int[] {insns.indexOf(lvt.get(i).start), insns.indexOf(lvt.get(i).end)};
        }
        Map<List<Variable>, LabelNode> handlers = new LinkedHashMap<>();
        List<Range> ranges = new ArrayList<>();
        AbstractInsnNode first = null, last = null;
        List<Variable> current = null;
        int index = 0;
        for (AbstractInsnNode insn = insns.getFirst(); insn != null; insn = insn.getNext(), index++) {
            if (insn.getOpcode() < 0) {
                continue;
            }
            List<Variable> visible = before[index] == null ? null : visible(owner, method, lvt, scopes, index, before[index]);
            if (first != null && !Objects.equals(visible, current)) {
                ranges.add(new Range(first, last, handlers.computeIfAbsent(current, v -> new LabelNode())));
                first = null;
            }
            if (visible != null && first == null) {
                first = insn;
                current = visible;
            }
            last = insn;
        }
        if (first != null) {
            ranges.add(new Range(first, last, handlers.computeIfAbsent(current, v -> new LabelNode())));
        }
        if (ranges.isEmpty()) {
            return false;
        }
        for (Range range : ranges) {
            LabelNode start = new LabelNode(), end = new LabelNode();
            insns.insertBefore(range.first, start);
            insns.insert(range.last, end);
            method.tryCatchBlocks.add(new TryCatchBlockNode(start, end, range.handler, null));
        }
        int spare = method.maxLocals; // holds the exception while the handler records
        String site = owner + '\n' + method.name + '\n' + method.desc;
        for (Map.Entry<List<Variable>, LabelNode> handler : handlers.entrySet()) {
            appendHandler(method, site, handler.getKey(), handler.getValue(), spare);
        }
        method.maxLocals = spare + 1;
        return true;
    }

    /** The named variables in scope before instruction {@code index} whose slot holds their kind. */
    private static List<Variable> visible(String owner, MethodNode method, List<LocalVariableNode> lvt, int[][] scopes,
                                          int index, byte[] state) {
        List<Variable> vars = new ArrayList<>();
        if (lvt.isEmpty()) { // compiled without -g: this and the parameters, named as javac would
            int slot = 0;
            if ((method.access & Opcodes.ACC_STATIC) == 0) {
                add(vars, state, 0, "this", "L" + owner + ";", null);
                slot = 1;
            }
            Type[] args = Type.getArgumentTypes(method.desc);
            for (int i = 0; i < args.length; i++) {
                add(vars, state, slot, "arg" + i, args[i].getDescriptor(), null);
                slot += args[i].getSize();
            }
            return vars;
        }
        for (int i = 0; i < lvt.size(); i++) {
            LocalVariableNode local = lvt.get(i);
            if (scopes[i][0] <= index && index < scopes[i][1]) {
                add(vars, state, local.index, local.name, local.desc, local.signature);
            }
        }
        vars.sort((a, b) -> Integer.compare(a.slot, b.slot));
        return vars;
    }

    private static void add(List<Variable> vars, byte[] state, int slot, String name, String desc, String signature) {
        byte kind = LocalsReplay.kindOf(desc);
        if (slot < state.length && state[slot] == kind && vars.stream().noneMatch(v -> v.slot == slot)) {
            vars.add(new Variable(slot, kind, name, desc, signature != null ? signature : desc));
        }
    }

    /**
     * Appends: {@code handler: astore spare; record(spare, site, values); aload spare; athrow},
     * the recording itself guarded by a catch-all that drops its own failure and rethrows the
     * original exception instead.
     */
    private static void appendHandler(MethodNode method, String site, List<Variable> vars, LabelNode handler, int spare) {
        InsnList code = new InsnList();
        List<Object> locals = frameLocals(vars, spare, false);
        code.add(handler);
        code.add(new FrameNode(Opcodes.F_NEW, locals.size(), locals.toArray(), 1, new Object[] {THROWABLE}));
        code.add(new VarInsnNode(Opcodes.ASTORE, spare));
        LabelNode guardStart = new LabelNode(), guardEnd = new LabelNode(), guard = new LabelNode();
        code.add(guardStart);
        code.add(new VarInsnNode(Opcodes.ALOAD, spare));
        StringBuilder text = new StringBuilder(site);
        for (Variable v : vars) {
            text.append('\n').append(v.name).append('\n').append(v.declared);
        }
        code.add(new LdcInsnNode(text.toString()));
        code.add(pushInt(vars.size()));
        code.add(new TypeInsnNode(Opcodes.ANEWARRAY, "java/lang/Object"));
        for (int i = 0; i < vars.size(); i++) {
            Variable v = vars.get(i);
            code.add(new InsnNode(Opcodes.DUP));
            code.add(pushInt(i));
            Type type = v.kind == LocalsReplay.REF ? Type.getType(Object.class) : Type.getType(v.descriptor);
            code.add(new VarInsnNode(type.getOpcode(Opcodes.ILOAD), v.slot));
            box(code, type);
            code.add(new InsnNode(Opcodes.AASTORE));
        }
        code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, RECORDER, "record",
                "(Ljava/lang/Throwable;Ljava/lang/String;[Ljava/lang/Object;)V", false));
        code.add(guardEnd);
        code.add(new VarInsnNode(Opcodes.ALOAD, spare));
        code.add(new InsnNode(Opcodes.ATHROW));
        List<Object> guardLocals = frameLocals(vars, spare, true);
        code.add(guard);
        code.add(new FrameNode(Opcodes.F_NEW, guardLocals.size(), guardLocals.toArray(), 1, new Object[] {THROWABLE}));
        code.add(new InsnNode(Opcodes.POP));
        code.add(new VarInsnNode(Opcodes.ALOAD, spare));
        code.add(new InsnNode(Opcodes.ATHROW));
        method.instructions.add(code);
        method.tryCatchBlocks.add(new TryCatchBlockNode(guardStart, guardEnd, guard, null));
    }

    /** Frame locals declaring just the captured variables (and the spare slot once it is set). */
    private static List<Object> frameLocals(List<Variable> vars, int spare, boolean withSpare) {
        int length = withSpare ? spare : vars.isEmpty() ? 0 : vars.get(vars.size() - 1).slot + 1;
        Object[] bySlot = new Object[Math.max(length, spare)];
        for (Variable v : vars) {
            bySlot[v.slot] = switch (v.kind) {
                case LocalsReplay.INT -> Opcodes.INTEGER;
                case LocalsReplay.FLOAT -> Opcodes.FLOAT;
                case LocalsReplay.LONG -> Opcodes.LONG;
                case LocalsReplay.DOUBLE -> Opcodes.DOUBLE;
                default -> "java/lang/Object";
            };
        }
        List<Object> locals = new ArrayList<>();
        for (int slot = 0; slot < length; slot++) {
            Object type = bySlot[slot] == null ? Opcodes.TOP : bySlot[slot];
            locals.add(type);
            if (type == Opcodes.LONG || type == Opcodes.DOUBLE) {
                slot++; // ASM lists a long or double once for its two slots
            }
        }
        if (withSpare) {
            locals.add(THROWABLE);
        }
        return locals;
    }

    private static AbstractInsnNode pushInt(int value) {
        if (value <= 5) {
            return new InsnNode(Opcodes.ICONST_0 + value);
        }
        return value <= Byte.MAX_VALUE ? new IntInsnNode(Opcodes.BIPUSH, value) : new IntInsnNode(Opcodes.SIPUSH, value);
    }

    private static void box(InsnList code, Type type) {
        String boxed = switch (type.getSort()) {
            case Type.BOOLEAN -> "java/lang/Boolean";
            case Type.CHAR -> "java/lang/Character";
            case Type.BYTE -> "java/lang/Byte";
            case Type.SHORT -> "java/lang/Short";
            case Type.INT -> "java/lang/Integer";
            case Type.FLOAT -> "java/lang/Float";
            case Type.LONG -> "java/lang/Long";
            case Type.DOUBLE -> "java/lang/Double";
            default -> null;
        };
        if (boxed != null) {
            code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, boxed, "valueOf",
                    "(" + type.getDescriptor() + ")L" + boxed + ";", false));
        }
    }
}
