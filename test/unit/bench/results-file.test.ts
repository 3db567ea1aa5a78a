/** Each benchmark script replaces only its own section of bench/RESULTS.md. */
import { describe, expect, it } from 'vitest';
import { withSection } from '../../../bench/results-file.js';

const FILE = '# Benchmarks\n\n## classify\n\nold classify\n\n## machine\n\nold machine\n\n## session\n\nold session\n';

describe('withSection', () => {
  it('replaces a middle section and keeps its neighbours byte for byte', () => {
    const out = withSection(FILE, 'machine', '## machine\n\nnew machine\n');
    expect(out).toBe('# Benchmarks\n\n## classify\n\nold classify\n\n## machine\n\nnew machine\n\n## session\n\nold session\n');
  });

  it('replaces the last section up to the end of the file', () => {
    expect(withSection(FILE, 'session', '## session\n\nnew\n')).toBe(FILE.replace('old session', 'new'));
  });

  it('appends a section the file does not have yet', () => {
    expect(withSection(FILE, 'simulate', '## simulate\n\nfresh\n')).toBe(`${FILE}\n## simulate\n\nfresh\n`);
  });

  it('matches whole headings only: "## machine" is not "## machines"', () => {
    const file = '# B\n\n## machines\n\nother\n';
    expect(withSection(file, 'machine', '## machine\n\nx\n')).toBe('# B\n\n## machines\n\nother\n\n## machine\n\nx\n');
  });

  it('starts a new file with the header when there is none', () => {
    const out = withSection(null, 'classify', '## classify\n\nx');
    expect(out.startsWith('# Benchmarks\n')).toBe(true);
    expect(out.endsWith('## classify\n\nx\n')).toBe(true);
  });

  it('is stable: writing the same section twice changes nothing', () => {
    const once = withSection(FILE, 'classify', '## classify\n\nnew\n');
    expect(withSection(once, 'classify', '## classify\n\nnew\n')).toBe(once);
  });
});
