/**
 * Keeps the two languages in step: zh-CN and en must define exactly the same keys (react-admin's
 * built-ins included), a Chinese phrase may only use placeholders the English one has, every
 * literal key the source code names ('app.…', 'resources.…', 'ra.…') must exist, and so must the
 * default label (`resources.<folder>.fields.<source>`) of every `source="…"` without a `label`.
 * Run: npx tsx admin-ui/scripts/check-i18n.ts — exits 1 and lists the problems.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { refusalPhrases } from '../../domain/contract/refusals';
import { enMessages } from '../src/i18n/en';
import { zhCNMessages } from '../src/i18n/zh-CN';

type Tree = { [key: string]: unknown };

function leaves(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') {
      for (const [p, v] of leaves(value as Tree, path)) out.set(p, v);
    } else {
      out.set(path, value);
    }
  }
  return out;
}

function resolves(tree: Tree, path: string): boolean {
  let node: unknown = tree;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object' || !(part in node)) return false;
    node = (node as Tree)[part];
  }
  return typeof node === 'string' || (node !== null && typeof node === 'object');
}

const placeholders = (phrase: string) => new Set(Array.from(phrase.matchAll(/%\{(\w+)\}/g), (m) => m[1]));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'i18n' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const problems: string[] = [];
const locales = { en: enMessages as Tree, 'zh-CN': zhCNMessages as Tree };
const en = leaves(locales.en);
const zh = leaves(locales['zh-CN']);

for (const key of en.keys()) if (!zh.has(key)) problems.push(`missing in zh-CN: ${key}`);
for (const key of zh.keys()) if (!en.has(key)) problems.push(`missing in en: ${key}`);
for (const [locale, tree] of [['en', en] as const, ['zh-CN', zh] as const]) {
  for (const [key, value] of tree) {
    if (typeof value !== 'string') problems.push(`not a string in ${locale}: ${key}`);
  }
}
for (const [key, zhPhrase] of zh) {
  const enPhrase = en.get(key);
  if (typeof zhPhrase !== 'string' || typeof enPhrase !== 'string') continue;
  const known = placeholders(enPhrase);
  for (const name of placeholders(zhPhrase)) {
    if (!known.has(name)) problems.push(`zh-CN uses %{${name}} that en does not have: ${key}`);
  }
}

// Every refusal code the API can send has a phrase in both languages, with the placeholders the API fills.
for (const [code, phrase] of Object.entries(refusalPhrases)) {
  const key = `app.refusal.${code}`;
  for (const [locale, tree] of [['en', en] as const, ['zh-CN', zh] as const]) {
    const shown = tree.get(key);
    if (typeof shown !== 'string' || !shown.trim()) problems.push(`refusal code ${code} has no phrase in ${locale}`);
    else {
      const sent = placeholders(phrase.en);
      for (const name of placeholders(shown)) {
        if (!sent.has(name)) problems.push(`${locale} phrase of refusal ${code} uses %{${name}} the API does not send`);
      }
    }
  }
}

const srcDir = fileURLToPath(new URL('../src', import.meta.url));
// A folder named after a resource (`resources.<folder>`) labels its fields from that resource's keys.
const resourceFolders = new Set(Object.keys((locales.en.resources ?? {}) as Tree));
for (const file of sourceFiles(srcDir)) {
  const text = readFileSync(file, 'utf8');
  const folder = file.slice(srcDir.length + 1).split(/[\\/]/)[0] ?? '';
  if (resourceFolders.has(folder)) {
    for (const match of text.matchAll(/\bsource="([\w.]+)"/g)) {
      // The JSX tag around the prop: an explicit label replaces the default one.
      const tag = text.slice(text.lastIndexOf('<', match.index), text.indexOf('>', match.index));
      if (/\blabel=/.test(tag)) continue;
      const key = `resources.${folder}.fields.${match[1]}`;
      for (const [locale, tree] of Object.entries(locales)) {
        if (!resolves(tree, key)) problems.push(`${file.slice(srcDir.length + 1)}: no label ${key} in ${locale}`);
      }
    }
  }
  // Only whole literals; keys built from a value (`app.role.${role}`) carry a fallback instead.
  for (const [, key] of text.matchAll(/['"]((?:app|resources|ra)\.[\w.-]+)['"]/g)) {
    for (const [locale, tree] of Object.entries(locales)) {
      if (key && !resolves(tree, key)) {
        problems.push(`${file.slice(srcDir.length + 1)} names ${key}, missing in ${locale}`);
      }
    }
  }
}

if (problems.length > 0) {
  console.error(`i18n check failed (${problems.length}):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`i18n check passed: ${en.size} keys in en and zh-CN.`);
