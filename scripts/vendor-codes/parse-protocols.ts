/**
 * Parsers for the four protocol seed documents (../shared/seeds/000_-003_*.txt, the source of truth
 * for the protocol catalogs). Used only by scripts/extract-vendor-codes.ts, which writes what they
 * return to test/fixtures/vendor-codes/; tests read those files, never the documents. Each parser
 * throws if a line that looks like a row does not parse, so a silently skipped row cannot make a
 * completeness test pass.
 */

/** Line endings as \n, whatever the document was saved with. */
function normalize(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function fail(seed: string, line: string): never {
  throw new Error(`${seed} seed: row did not parse: ${JSON.stringify(line)}`);
}

export interface GuacamoleSeedRow { code: number; name: string; description: string }

/** `519 (UPSTREAM_NOT_FOUND)` heading lines, each followed by a description paragraph. */
export function parseGuacamoleSeed(text: string): GuacamoleSeedRow[] {
  const lines = normalize(text).split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const rows: GuacamoleSeedRow[] = [];
  lines.forEach((line, index) => {
    if (!/^\d+\s*\(/.test(line)) return;
    const match = /^(\d+) \(([A-Z][A-Z0-9_]*)\)$/.exec(line);
    const description = lines[index + 1];
    if (match === null || description === undefined) fail('guacamole', line);
    rows.push({ code: Number(match[1]), name: match[2] as string, description });
  });
  return rows;
}

export interface MsraSeedRow { code: number; name: string; description: string; unused: boolean; version?: 1 | 2 }

/** Triples of lines: the value, the symbolic name, the description. */
export function parseMsraSeed(text: string): MsraSeedRow[] {
  const lines = normalize(text).split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const rows: MsraSeedRow[] = [];
  lines.forEach((line, index) => {
    if (!/^\d+$/.test(line)) return;
    const name = lines[index + 1];
    const description = lines[index + 2];
    if (name === undefined || description === undefined || !/^[A-Z][A-Z0-9_]*$/.test(name)) fail('msra', line);
    const version = /only used in version (\d)/.exec(description)?.[1];
    rows.push({
      code: Number(line), name, description,
      unused: /^This code is not used\.?$/.test(description),
      ...(version === undefined ? {} : { version: Number(version) as 1 | 2 }),
    });
  });
  return rows;
}

export interface FrameSeedRow {
  code: number; type: string; description: string; component: string; frp: string; frpVersions: number[];
}

/** `4000InfoUser initiated close ...ServerFRP 7/8`: the cells run together with no separator. */
export function parseFrameSeed(text: string): FrameSeedRow[] {
  const rows: FrameSeedRow[] = [];
  for (const line of normalize(text).split('\n').map((text) => text.trim())) {
    if (!/^\d{4}/.test(line)) continue;
    const match = /^(\d{4})(Info|Error)(.+?)(Server|Terminal|Variable)(FRP ([\d/]+))$/.exec(line);
    if (match === null) fail('frame', line);
    rows.push({
      code: Number(match[1]), type: match[2] as string, description: (match[3] as string).trim(),
      component: match[4] as string, frp: match[5] as string,
      frpVersions: (match[6] as string).split('/').map(Number),
    });
  }
  return rows;
}

export interface SoftdriveSeedRow {
  code: number | string; name: string; phase: string; cause: string; fix: string;
  /** `'1001-1004'` on the entries split from the range row. */
  range?: string;
  /** The section heading's promised range, `[1, 6]` for "TLS & Handshake Errors (01–06)". */
  sectionRange?: [number, number];
}

const SOFTDRIVE_PHASES = ['Pre-Session', 'Connect', 'Handshake', 'Stream', 'Keep Alive'];
const PHASE_ALTERNATION = SOFTDRIVE_PHASES.map((phase) => phase.replace('-', '\\-')).join('|');
/** Name, then a phase, then the cause whose first word is a plain word or an acronym followed by a separator. */
const NAME_PHASE_REST = new RegExp(`^(.+?)\\s*(${PHASE_ALTERNATION})\\s*((?:[A-Z][a-z]+|[A-Z]+)[\\s/-].*)$`);
/** The Quick Fix starts where a capitalised word is glued to the end of the cause. */
const CAUSE_FIX = /^(.+?[^\s/-])(?=[A-Z][a-z])(.+)$/;

/**
 * Table rows start with "Error Code NN" (or "Error <label>" for the unnumbered row); cells run
 * together, so the split relies on the known phase names and on where the fix is glued on.
 */
export function parseSoftdriveSeed(text: string): SoftdriveSeedRow[] {
  const rows: SoftdriveSeedRow[] = [];
  let sectionRange: [number, number] | undefined;
  for (const raw of normalize(text).split('\n')) {
    const line = raw.trim();
    if (/Errors(?: \(|$)/.test(line) && !line.startsWith('Error')) {
      // A section heading; "(01–06)" promises a range of codes, "Internal & HTTP Errors" none.
      const promised = /\((\d+)[–-](\d+)\)$/.exec(line);
      sectionRange = promised === null ? undefined : [Number(promised[1]), Number(promised[2])];
      continue;
    }
    if (!line.startsWith('Error ') || line.startsWith('Error CodeDescription') || line === 'Error Codes') continue;
    const labelled = /^Error Code (\d+)(?:[–-](\d+))?\s*(.*)$/.exec(line);
    // The unnumbered row: its description starts with the label's first word again.
    const unnumbered = labelled === null ? /^Error ((\w+)\b.*?)\s+(\2\b.*)$/.exec(line) : null;
    const body = labelled?.[3] ?? unnumbered?.[3];
    const parts = body === undefined ? null : NAME_PHASE_REST.exec(body);
    const causeFix = parts === null ? null : CAUSE_FIX.exec(parts[3] as string);
    if (parts === null || causeFix === null) fail('softdrive', line);
    const cells = {
      name: (parts[1] as string).trim(), phase: parts[2] as string,
      cause: (causeFix[1] as string).trim(), fix: (causeFix[2] as string).trim(),
      ...(sectionRange === undefined ? {} : { sectionRange }),
    };
    if (labelled === null) {
      rows.push({ code: (unnumbered?.[1] as string).trim(), ...cells });
      continue;
    }
    const from = Number(labelled[1]);
    const to = labelled[2] === undefined ? from : Number(labelled[2]);
    for (let code = from; code <= to; code += 1) {
      rows.push({ code, ...cells, ...(to === from ? {} : { range: `${from}-${to}` }) });
    }
  }
  return rows;
}
