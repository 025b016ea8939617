/** The emulator's scripted JSON handler and its overrides rule, over plain HTTP. */
import { describe, expect, it } from 'vitest';
import { scriptedJson, withOverrides } from '../../../../src/testing/shared/scripted-json';
import { useEmulator } from '../../../integration/support';

const ctx = useEmulator();
const post = ctx.postJson;

describe('scriptedJson', () => {
  it('answers POST <path> with the body made from the script and the request, and its headers', async () => {
    ctx.emulator.setHandler(
      scriptedJson(
        '/things',
        { word: 'hello', headers: { 'x-generation-id': 'gen-1' } },
        (script, requestBody) => ({ said: script.word, got: requestBody }),
      ),
    );
    const response = await post('/things', { n: 1 });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-generation-id')).toBe('gen-1');
    expect(await response.json()).toEqual({ said: 'hello', got: { n: 1 } });
  });

  it('takes the script a function picks per request', async () => {
    ctx.emulator.setHandler(
      scriptedJson<{ word: string; headers?: Record<string, string> }>(
        '/things',
        (request) => ({ word: (request.body as { word: string }).word }),
        (script) => ({ said: script.word }),
      ),
    );
    expect(await (await post('/things', { word: 'a' })).json()).toEqual({ said: 'a' });
    expect(await (await post('/things', { word: 'b' })).json()).toEqual({ said: 'b' });
  });

  it('answers another path with a 404', async () => {
    ctx.emulator.setHandler(scriptedJson('/things', {}, () => ({})));
    expect((await post('/other', {})).status).toBe(404);
  });
});

describe('withOverrides', () => {
  it('puts the overrides over the base and leaves out what an override sets to undefined', () => {
    expect(withOverrides({ a: 1, b: 2, c: 3 }, { b: 20, c: undefined, d: 4 })).toEqual({
      a: 1,
      b: 20,
      d: 4,
    });
    expect(withOverrides({ a: 1 }, undefined)).toEqual({ a: 1 });
  });
});
