import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const srcDir = new URL('../src/', import.meta.url).pathname;

/** Source files of the runtime path: everything but the Node-only emulator entry. */
function runtimeFiles(dir = srcDir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : runtimeFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('runtime path is free of Node-only APIs (edge runtimes, browsers)', () => {
  const files = runtimeFiles();

  it('finds the source files', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((file) => [relative(srcDir, file), file]))('%s', (_name, file) => {
    const source = readFileSync(file, 'utf8');
    expect(source).not.toMatch(/from ['"](node:|fs|path|http|crypto|buffer)['"/]/);
    expect(source).not.toMatch(/\bBuffer\./);
    expect(source).not.toMatch(/\brequire\(/);
    expect(source).not.toMatch(/from ['"]\.\.?\/(.*\/)?testing/);
    // Environment variables are read through provider-utils, which guards `process`.
    expect(source).not.toMatch(/\bprocess\.env\b/);
  });
});
