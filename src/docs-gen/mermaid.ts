/**
 * Renders an XState v5 machine definition as a Mermaid `stateDiagram-v2`: nested states, parallel regions,
 * initials and finals, and one labelled edge per source → target pair (events, named `after` delays, invoke
 * done/error, guards). Pure and deterministic, so generated docs can be checked for staleness.
 */
import type { AnyStateMachine, AnyStateNode } from 'xstate';
import { SessionError } from '../errors/index.js';

/** One transition of the machine, as the chart shows it. `target` is null for a transition that stays in place. */
export interface ChartTransition {
  readonly source: AnyStateNode;
  readonly target: AnyStateNode | null;
  /** `user.connect`, `after connectTimeout`, `done resolveUrl`, `always`, with ` [guard]` or ` [else]` appended. */
  readonly label: string;
  /** The named delay of an `after` transition. */
  readonly delay?: string;
}

/** A Mermaid-safe identifier for a state node id (`session.active.online` → `session_active_online`). */
export function mermaidStateId(stateNodeId: string): string {
  return stateNodeId.replace(/[^A-Za-z0-9_]/g, '_');
}

/** Every state node below the root, depth first, in document order. */
export function chartStateNodes(machine: AnyStateMachine): AnyStateNode[] {
  const out: AnyStateNode[] = [];
  const visit = (node: AnyStateNode): void => {
    for (const child of Object.values(node.states) as AnyStateNode[]) {
      out.push(child);
      visit(child);
    }
  };
  visit(machine.root);
  return out;
}

/** Text a Mermaid label can hold: no `:`, `;`, `#` or quotes, which its grammar reserves. */
function labelText(text: string): string {
  return text.replace(/:/g, '=').replace(/;/g, ',').replace(/#/g, 'no.').replace(/"/g, "'");
}

function paramsText(params: unknown): string {
  if (typeof params === 'function') return '…';
  if (Array.isArray(params)) return params.map(String).join(', ');
  if (params !== null && typeof params === 'object') return Object.entries(params).map(([k, v]) => `${k}=${String(v)}`).join(', ');
  return String(params);
}

function guardText(guard: unknown): string {
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'function') {
    const nested = (guard as { guards?: unknown }).guards;
    return Array.isArray(nested) && ['and', 'or', 'not'].includes(guard.name) ? `${guard.name}(${nested.map(guardText).join(', ')})` : 'inline guard';
  }
  if (guard !== null && typeof guard === 'object' && 'type' in guard) {
    const { type, params } = guard as { type: unknown; params?: unknown };
    return params === undefined ? String(type) : `${String(type)}(${paramsText(params)})`;
  }
  return 'guard';
}

function eventText(node: AnyStateNode, eventType: string): { text: string; delay?: string } {
  if (eventType.startsWith('xstate.after.')) {
    const delay = node.after.find((t) => t.eventType === eventType)?.delay;
    if (typeof delay === 'string') return { text: `after ${delay}`, delay };
    return { text: typeof delay === 'number' ? `after ${delay} ms` : 'after (computed)' };
  }
  for (const kind of ['done', 'error'] as const) {
    const prefix = `xstate.${kind}.actor.`;
    if (eventType.startsWith(prefix)) {
      const id = eventType.slice(prefix.length);
      const invoke = node.invoke.find((i) => i.id === id);
      // An invoked actor by its source; a spawned one (the `transport` child) by its id.
      return { text: `${kind} ${typeof invoke?.src === 'string' ? invoke.src : id}` };
    }
  }
  return { text: eventType.startsWith('xstate.done.state.') ? 'done' : eventType };
}

/** Every transition of the machine, in document order; guarded candidates keep their priority order. */
export function machineTransitions(machine: AnyStateMachine): ChartTransition[] {
  const out: ChartTransition[] = [];
  const add = (node: AnyStateNode, event: { text: string; delay?: string }, candidates: readonly { guard?: unknown; target?: readonly AnyStateNode[] | undefined }[]) => {
    candidates.forEach((t, index) => {
      const guarded = candidates.slice(0, index).some((c) => c.guard !== undefined);
      const guard = t.guard !== undefined ? ` [${guardText(t.guard)}]` : guarded ? ' [else]' : '';
      const label = labelText(event.text === 'always' && guard !== '' ? guard.trim() : `${event.text}${guard}`);
      const targets = t.target ?? [];
      if (targets.length === 0) out.push({ source: node, target: null, label, ...(event.delay === undefined ? {} : { delay: event.delay }) });
      for (const target of targets) out.push({ source: node, target, label, ...(event.delay === undefined ? {} : { delay: event.delay }) });
    });
  };
  for (const node of [machine.root, ...chartStateNodes(machine)]) {
    for (const [eventType, candidates] of node.transitions) add(node, eventText(node, eventType), candidates);
    if (node.always) add(node, { text: 'always' }, node.always);
  }
  return out;
}

function renderNode(node: AnyStateNode, indent: string, lines: string[]): void {
  const id = mermaidStateId(node.id);
  const label = labelText(node.type === 'history' ? `${node.key} (history)` : node.key);
  const children = Object.values(node.states) as AnyStateNode[];
  if (children.length === 0) {
    lines.push(`${indent}state "${label}" as ${id}`);
  } else {
    lines.push(`${indent}state "${label}" as ${id} {`);
    if (node.type === 'compound') lines.push(`${indent}  [*] --> ${mermaidStateId(node.initial.target[0]!.id)}`);
    children.forEach((child, index) => {
      if (node.type === 'parallel' && index > 0) lines.push(`${indent}  --`);
      renderNode(child, `${indent}  `, lines);
    });
    lines.push(`${indent}}`);
  }
  if (node.type === 'final') lines.push(`${indent}${id} --> [*]`);
}

/**
 * The machine as a Mermaid `stateDiagram-v2`: every state declared in its nested block (parallel regions
 * split by `--`), then every transition that changes state, one edge per source and target with the
 * labels of all the transitions it stands for. Transitions that stay in place are listed by the page.
 */
export function machineToMermaid(machine: AnyStateMachine): string {
  const seen = new Map<string, string>();
  for (const node of chartStateNodes(machine)) {
    const id = mermaidStateId(node.id);
    const other = seen.get(id);
    if (other !== undefined) {
      throw new SessionError('SESSION_ERR_INVALID_OPTION', `machine: states ${other} and ${node.id} both map to the chart id ${id}; rename one`, { field: 'machine', value: node.id });
    }
    seen.set(id, node.id);
  }
  const lines = ['stateDiagram-v2'];
  const root = machine.root;
  const first = root.type === 'compound' ? root.initial.target[0] : undefined;
  if (first !== undefined) lines.push(`  [*] --> ${mermaidStateId(first.id)}`);
  for (const child of Object.values(root.states) as AnyStateNode[]) renderNode(child, '  ', lines);
  const edges = new Map<string, string[]>();
  for (const t of machineTransitions(machine)) {
    if (t.target === null || t.source === root) continue;
    const key = `${mermaidStateId(t.source.id)} --> ${mermaidStateId(t.target.id)}`;
    const labels = edges.get(key) ?? [];
    if (!labels.includes(t.label)) labels.push(t.label);
    edges.set(key, labels);
  }
  for (const [key, labels] of edges) lines.push(`  ${key} : ${labels.join('<br/>')}`);
  return lines.join('\n') + '\n';
}
