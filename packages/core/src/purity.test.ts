import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The core is pure: the same input gives the same decision, in a test, a worker or a replay of
 * the ledger. This test holds the line that review alone would let slip: a source file may
 * import only zod and relative paths, and never read the clock or draw a random number.
 */

const SOURCE_ROOT = import.meta.dirname;

const FORBIDDEN_CALLS: ReadonlyArray<{ name: string; pattern: RegExp }> = [
  { name: 'Date.now()', pattern: /\bDate\s*\.\s*now\b/ },
  { name: 'new Date() without an argument', pattern: /\bnew\s+Date\s*(?:\(\s*\)|(?![\s(]))/ },
  { name: 'Math.random()', pattern: /\bMath\s*\.\s*random\b/ },
  { name: 'performance.now()', pattern: /\bperformance\s*\.\s*now\b/ },
  { name: 'crypto', pattern: /\bcrypto\s*\.\s*(?:randomUUID|getRandomValues)\b/ },
  { name: 'process', pattern: /\bprocess\s*\.\s*(?:env|argv|cwd|exit|hrtime)\b/ },
  { name: 'fetch()', pattern: /(?<![.\w])fetch\s*\(/ },
  { name: 'require()', pattern: /(?<![.\w])require\s*\(/ },
];

const IMPORT_PATTERNS: readonly RegExp[] = [
  /\bimport\s+(?:type\s+)?(?:[\w*{}\s,]+?\s+from\s+)?['"](?<specifier>[^'"]+)['"]/g,
  /\bexport\s+(?:type\s+)?[\w*{}\s,]*?\s+from\s+['"](?<specifier>[^'"]+)['"]/g,
  /\bimport\s*\(\s*['"`](?<specifier>[^'"`]+)['"`]\s*\)/g,
];

function isAllowedImport(specifier: string): boolean {
  return specifier === 'zod' || specifier.startsWith('./') || specifier.startsWith('../');
}

/** Comments may name what they forbid; only code counts. */
function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');
}

/** What is wrong with one source file, as readable lines; empty when it is pure. */
function findImpurities(source: string): string[] {
  const code = stripComments(source);
  const imports = IMPORT_PATTERNS.flatMap((pattern) =>
    [...code.matchAll(pattern)].map((match) => match.groups?.specifier ?? ''),
  );
  return [
    ...imports.filter((specifier) => !isAllowedImport(specifier)).map((specifier) => `imports "${specifier}"`),
    ...FORBIDDEN_CALLS.filter(({ pattern }) => pattern.test(code)).map(({ name }) => `calls ${name}`),
  ];
}

function listSourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === '__fixtures__' ? [] : listSourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('findImpurities', () => {
  it.each([
    { name: 'a zod import', source: "import { z } from 'zod';", expected: [] },
    { name: 'a relative import', source: "import { a } from './a';\nexport * from '../b';", expected: [] },
    { name: 'a type import', source: "import type { A } from './a';", expected: [] },
    { name: 'a dated Date', source: 'const d = new Date(instant);', expected: [] },
    { name: 'Date.parse', source: 'const t = Date.parse(instant);', expected: [] },
    { name: 'a comment naming Date.now()', source: '// never Date.now()\n/* nor Math.random() */', expected: [] },
    { name: 'a node import', source: "import { readFile } from 'node:fs';", expected: ['imports "node:fs"'] },
    { name: 'a bare node import', source: "import 'fs';", expected: ['imports "fs"'] },
    { name: 'a package import', source: "import { Octokit } from '@octokit/rest';", expected: ['imports "@octokit/rest"'] },
    { name: 'a re-export', source: "export { x } from 'lodash';", expected: ['imports "lodash"'] },
    { name: 'a dynamic import', source: "const m = await import('pg');", expected: ['imports "pg"'] },
    { name: 'Date.now()', source: 'const t = Date.now();', expected: ['calls Date.now()'] },
    { name: 'new Date()', source: 'const d = new Date();', expected: ['calls new Date() without an argument'] },
    { name: 'new Date', source: 'const d = new Date;', expected: ['calls new Date() without an argument'] },
    { name: 'Math.random()', source: 'const r = Math.random();', expected: ['calls Math.random()'] },
    { name: 'randomUUID', source: 'const id = crypto.randomUUID();', expected: ['calls crypto'] },
    { name: 'the environment', source: 'const url = process.env.DATABASE_URL;', expected: ['calls process'] },
    { name: 'fetch', source: "await fetch('https://example.org');", expected: ['calls fetch()'] },
  ])('reports $name', ({ source, expected }) => {
    expect(findImpurities(source)).toEqual(expected);
  });
});

describe('packages/core/src', () => {
  const files = listSourceFiles(SOURCE_ROOT);

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((path) => ({ file: relative(SOURCE_ROOT, path), path })))('$file is pure', ({ path }) => {
    expect(findImpurities(readFileSync(path, 'utf8'))).toEqual([]);
  });
});
