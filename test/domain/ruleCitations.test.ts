import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|md)$/.test(name) ? [path] : [];
  });
}

const commentLine = /^\s*(\*|\/\*\*|\/\/)/;
const continuation = /^\s+\S/;

/**
 * Each passage that speaks of over-approving ballots: its line, the comment block just above it (code), and
 * the lines that continue it (a wrapped Markdown bullet). Neighbouring rules, with their own citations, stay out.
 */
function overApprovalPassages(path: string): string[] {
  const lines = readFileSync(join(root, path), 'utf8').split('\n');
  return lines.flatMap((line, i) => {
    if (!/over-?approv|超过名额/i.test(line)) return [];
    let start = i;
    while (start > 0 && commentLine.test(lines[start - 1]!)) start--;
    let end = i + 1;
    while (path.endsWith('.md') && end < lines.length && continuation.test(lines[end]!)) end++;
    return [lines.slice(start, end).join('\n')];
  });
}

describe('where a rule comes from', () => {
  it('cites the over-approval rule as local practice, never as a source’s rule', () => {
    const files = [...sourceFiles('domain'), ...sourceFiles('docs'), ...sourceFiles('admin-ui/src'), 'README.md'];
    const passages = files.flatMap((f) => overApprovalPassages(f).map((text) => ({ file: f, text })));
    expect(passages.length).toBeGreaterThan(0);
    const citingASource = passages.filter(({ text }) => /\[S\d\]|seed 00\d|来源00\d/.test(text));
    expect(citingASource).toEqual([]);
    expect(passages.filter(({ text }) => /local practice|地方惯例/i.test(text)).length).toBeGreaterThan(0);
  });
});

describe('what a comment or a phrase cites', () => {
  it('resolves inside the repository: docs/*.md and its [S0]–[S4], never notes kept outside it', () => {
    const dirs = ['api', 'activities', 'workflows', 'domain', 'db', 'admin-ui/src', 'scripts', 'temporal', 'worker'];
    const files = [...dirs.flatMap(sourceFiles), ...sourceFiles('test'), 'README.md'].filter(
      (f) => f !== join('test', 'domain', 'ruleCitations.test.ts'),
    );
    const outside = /DOMAIN\.md|DESIGN\.md|STYLE\.md|seed 00\d|来源00\d/;
    const found = files.flatMap((f) =>
      readFileSync(join(root, f), 'utf8')
        .split('\n')
        .flatMap((line, i) => (outside.test(line) ? [`${f}:${i + 1}`] : [])),
    );
    expect(found).toEqual([]);
  });
});
