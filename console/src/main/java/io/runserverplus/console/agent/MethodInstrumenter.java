package io.runserverplus.console.agent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
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
 * <p>Only instructions that can throw ({@link MayThrow}) are covered. They are grouped by the
 * variables visible before them; each group gets one handler whose frame declares exactly those
 * variables (references as {@code Object}, the rest {@code TOP}), so the frame is valid for every
 * instruction it covers. A handler loads the variables and calls the class's helper for their types
 * ({@link RecordHelpers}), a few bytes, so that small methods stay small enough to be inlined. Its
 * entries go at the end of the exception table: the method's own handlers win, and ours run only
 * for an exception that is leaving the method, after its {@code finally} code ran.
 */
final class MethodInstrumenter {
    static final String RECORDER = "io/runserverplus/console/agent/CapturedFrames";
    private static final String THROWABLE = "java/lang/Throwable";
    /** Parameter slots a helper may take besides the throwable and the site (the JVM allows 255). */
    private static final int MAX_HELPER_SLOTS = 253;

    private record Variable(int slot, byte kind, String name, String descriptor, String declared) {
        int size() {
            return kind == LocalsReplay.LONG || kind == LocalsReplay.DOUBLE ? 2 : 1;
        }
    }

    private record Range(AbstractInsnNode first, AbstractInsnNode last, List<Variable> vars) {}

    private MethodInstrumenter() {}

    /** Whether the method may be instrumented at all. */
    static boolean eligible(MethodNode method) {
        int skip = Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_BRIDGE;
        return (method.access & skip) == 0 && method.instructions.size() > 0;
    }

    /**
     * Instruments {@code method} of class {@code owner}; returns false (method untouched) if it
     * cannot or need not: no instruction of it can throw.
     */
    static boolean instrument(String owner, MethodNode method, MayThrow mayThrow, RecordHelpers helpers) {
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
        List<Range> ranges = new ArrayList<>();
        AbstractInsnNode first = null, last = null;
        List<Variable> current = null;
        int index = 0;
        for (AbstractInsnNode insn = insns.getFirst(); insn != null; insn = insn.getNext(), index++) {
            if (insn.getOpcode() < 0) {
                continue;
            }
            byte[] state = before[index];
            if (state == null) { // not to be covered
                if (first != null) {
                    ranges.add(new Range(first, last, current));
                    first = null;
                }
                continue;
            }
            if (!mayThrow.test(insn)) {
                // Inside a range only if the handler's frame holds here too (no exception can leave here).
                if (first != null && !compatible(current, state)) {
                    ranges.add(new Range(first, last, current));
                    first = null;
                }
                continue;
            }
            List<Variable> visible = visible(owner, method, lvt, scopes, index, state);
            if (first != null && !visible.equals(current)) {
                ranges.add(new Range(first, last, current));
                first = null;
            }
            if (first == null) {
                first = insn;
                current = visible;
            }
            last = insn;
        }
        if (first != null) {
            ranges.add(new Range(first, last, current));
        }
        if (ranges.isEmpty()) {
            return false;
        }
        Map<List<Variable>, LabelNode> handlers = new LinkedHashMap<>();
        for (Range range : ranges) {
            LabelNode start = new LabelNode(), end = new LabelNode();
            insns.insertBefore(range.first, start);
            insns.insert(range.last, end);
            LabelNode handler = handlers.computeIfAbsent(range.vars, v -> new LabelNode());
            method.tryCatchBlocks.add(new TryCatchBlockNode(start, end, handler, null));
        }
        int spare = spareSlot(method.maxLocals, handlers.keySet());
        String site = owner + '\n' + method.name + '\n' + method.desc;
        LabelNode guard = new LabelNode();
        for (Map.Entry<List<Variable>, LabelNode> handler : handlers.entrySet()) {
            appendHandler(method, site, handler.getKey(), handler.getValue(), spare, guard, helpers);
        }
        appendGuard(method, spare, guard);
        method.maxLocals = Math.max(method.maxLocals, spare + 1);
        return true;
    }

    /** Whether every variable of {@code vars} holds its kind in {@code state}. */
    private static boolean compatible(List<Variable> vars, byte[] state) {
        for (Variable v : vars) {
            if (v.slot >= state.length || state[v.slot] != v.kind) {
                return false;
            }
        }
        return true;
    }

    /**
     * A local slot no handler reads, to keep the exception in while the recording runs: one of
     * slots 0-3 if free (one-byte loads and stores), else any free slot, else a new one. Not growing
     * {@code max_locals} matters: C1 inlines no callee whose stack plus locals (less the parameters)
     * pass 10 slots ({@code C1InlineStackLimit}).
     */
    private static int spareSlot(int maxLocals, Iterable<List<Variable>> layouts) {
        boolean[] used = new boolean[maxLocals + 2];
        for (List<Variable> vars : layouts) {
            for (Variable v : vars) {
                used[v.slot] = true;
                used[v.slot + v.size() - 1] = true;
            }
        }
        for (int slot = 0; slot < maxLocals; slot++) {
            if (!used[slot]) {
                return slot;
            }
        }
        return maxLocals;
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
     * Appends {@code handler: dup; astore spare; <load each variable>; ldc site; invokestatic helper;
     * athrow}: the helper records and returns the exception. The call is covered by {@code guard},
     * which rethrows the original exception should the call itself fail (a stack overflow).
     */
    private static void appendHandler(MethodNode method, String site, List<Variable> vars, LabelNode handler,
                                      int spare, LabelNode guard, RecordHelpers helpers) {
        InsnList code = new InsnList();
        List<Object> locals = frameLocals(vars, -1);
        code.add(handler);
        code.add(new FrameNode(Opcodes.F_NEW, locals.size(), locals.toArray(), 1, new Object[] {THROWABLE}));
        code.add(new InsnNode(Opcodes.DUP));
        code.add(new VarInsnNode(Opcodes.ASTORE, spare));
        StringBuilder text = new StringBuilder(site);
        for (Variable v : vars) {
            text.append('\n').append(v.name).append('\n').append(v.declared);
        }
        LabelNode callStart = new LabelNode(), callEnd = new LabelNode();
        int slots = vars.stream().mapToInt(Variable::size).sum();
        if (slots <= MAX_HELPER_SLOTS) {
            List<String> types = new ArrayList<>();
            for (Variable v : vars) {
                String type = v.kind == LocalsReplay.REF ? "Ljava/lang/Object;" : v.descriptor;
                types.add(type);
                code.add(new VarInsnNode(Type.getType(type).getOpcode(Opcodes.ILOAD), v.slot));
            }
            code.add(new LdcInsnNode(text.toString()));
            code.add(callStart);
            code.add(helpers.call(types));
        } else { // too many for a method's parameters: box them here
            code.add(new LdcInsnNode(text.toString()));
            code.add(RecordHelpers.pushInt(vars.size()));
            code.add(new TypeInsnNode(Opcodes.ANEWARRAY, "java/lang/Object"));
            for (int i = 0; i < vars.size(); i++) {
                Variable v = vars.get(i);
                code.add(new InsnNode(Opcodes.DUP));
                code.add(RecordHelpers.pushInt(i));
                Type type = v.kind == LocalsReplay.REF ? Type.getType(Object.class) : Type.getType(v.descriptor);
                code.add(new VarInsnNode(type.getOpcode(Opcodes.ILOAD), v.slot));
                RecordHelpers.box(code, type);
                code.add(new InsnNode(Opcodes.AASTORE));
            }
            code.add(callStart);
            code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, RECORDER, "record",
                    "(Ljava/lang/Throwable;Ljava/lang/String;[Ljava/lang/Object;)V", false));
            code.add(new VarInsnNode(Opcodes.ALOAD, spare));
        }
        code.add(callEnd);
        code.add(new InsnNode(Opcodes.ATHROW));
        method.instructions.add(code);
        method.tryCatchBlocks.add(new TryCatchBlockNode(callStart, callEnd, guard, null));
    }

    /** Appends {@code guard: pop; aload spare; athrow}, shared by the method's handlers. */
    private static void appendGuard(MethodNode method, int spare, LabelNode guard) {
        InsnList code = new InsnList();
        List<Object> locals = frameLocals(List.of(), spare);
        code.add(guard);
        code.add(new FrameNode(Opcodes.F_NEW, locals.size(), locals.toArray(), 1, new Object[] {THROWABLE}));
        code.add(new InsnNode(Opcodes.POP));
        code.add(new VarInsnNode(Opcodes.ALOAD, spare));
        code.add(new InsnNode(Opcodes.ATHROW));
        method.instructions.add(code);
    }

    /** Frame locals declaring just the variables, and the spare slot as a Throwable if not negative. */
    private static List<Object> frameLocals(List<Variable> vars, int spare) {
        int length = Math.max(spare + 1, vars.isEmpty() ? 0 : vars.get(vars.size() - 1).slot + 1);
        Object[] bySlot = new Object[length];
        for (Variable v : vars) {
            bySlot[v.slot] = switch (v.kind) {
                case LocalsReplay.INT -> Opcodes.INTEGER;
                case LocalsReplay.FLOAT -> Opcodes.FLOAT;
                case LocalsReplay.LONG -> Opcodes.LONG;
                case LocalsReplay.DOUBLE -> Opcodes.DOUBLE;
                default -> "java/lang/Object";
            };
        }
        if (spare >= 0) {
            bySlot[spare] = THROWABLE;
        }
        List<Object> locals = new ArrayList<>();
        for (int slot = 0; slot < length; slot++) {
            Object type = bySlot[slot] == null ? Opcodes.TOP : bySlot[slot];
            locals.add(type);
            if (type == Opcodes.LONG || type == Opcodes.DOUBLE) {
                slot++; // ASM lists a long or double once for its two slots
            }
        }
        return locals;
    }
}
