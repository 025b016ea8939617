import { describe, expect, it } from 'vitest';
import { loadOnce } from '../../../src/shared/load-once';

describe('loadOnce', () => {
  it('loads on the first call only, and every call gets the same module', async () => {
    let loads = 0;
    const module = { name: 'call code' };
    const load = loadOnce(async () => {
      loads++;
      return module;
    });
    expect(loads).toBe(0);
    const [a, b] = await Promise.all([load(), load()]);
    const c = await load();
    expect(loads).toBe(1);
    expect(a).toBe(module);
    expect(b).toBe(module);
    expect(c).toBe(module);
  });

  it('does not keep a failed load: the next call tries again', async () => {
    let loads = 0;
    const load = loadOnce(async () => {
      loads++;
      if (loads === 1) throw new Error('chunk missing');
      return 'loaded';
    });
    await expect(load()).rejects.toThrow('chunk missing');
    await expect(load()).resolves.toBe('loaded');
    await expect(load()).resolves.toBe('loaded');
    expect(loads).toBe(2);
  });
});
