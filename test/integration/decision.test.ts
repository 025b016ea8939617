/**
 * The decision model (`openrouter.decisionModel`, `evaluationModel` in
 * `@openrouter/ai-sdk-provider`) through `ai`'s `experimental_decide` and `experimental_evaluate`
 * over real HTTP to the emulator's `POST /api/alpha/decisions`: the wire body, the answers, the
 * metadata, what is refused before any request, and where the Decisions API is.
 */
import { InvalidArgumentError } from '@ai-sdk/provider';
import {
  createProviderRegistry,
  experimental_decide as decide,
  Experimental_DecisionRefusalError,
  Experimental_DecisionUnsupportedQuestionTypeError,
  experimental_evaluate as evaluate,
} from 'ai';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOpenRouter } from '../../src/index';
import { scriptedDecision } from '../../src/testing/index';
import {
  bodyAt,
  emulatorProvider,
  rejectionOf,
  requestAt,
  silenceAiWarnings,
  TEST_API_KEY,
  useEmulator,
} from './support';

const ctx = useEmulator();
beforeAll(silenceAiWarnings);

const MODEL = 'typesafe/jev-1.13';

/** The triage example of `@openrouter/ai-sdk-provider`'s README. */
const TICKET_QUESTIONS = {
  is_bug: {
    type: 'boolean',
    instructions: 'Is the customer reporting a software defect?',
  },
  team: {
    type: 'choice',
    instructions: 'Which team should own this ticket?',
    criteria: {
      payments: 'Checkout, billing, or payment processing issues.',
      frontend: 'Rendering, layout, or browser compatibility issues.',
      account: 'Login, permissions, or profile issues.',
    },
  },
  urgency: {
    type: 'score',
    instructions: 'How urgent is this ticket?',
    criteria: [
      'Can wait for the next release',
      'Should be fixed this week',
      'Blocking revenue right now',
    ],
  },
} as const;

const TICKET_STATE = {
  ticket: 'My checkout page shows a blank screen after I click Pay.',
  customer_tier: 'enterprise',
};

const SCRIPTED_ANSWERS = {
  is_bug: { type: 'noul', noul: 0.93 },
  team: {
    type: 'choice',
    choice: 'payments',
    probabilities: { payments: 0.87, frontend: 0.13, account: 0 },
    confidence: 0.8,
  },
  urgency: {
    type: 'score',
    score: 2,
    probabilities: { '0': 0, '1': 0, '2': 1 },
    legend: { '0': 'Can wait', '2': 'Blocking' },
    confidence: 0.9,
  },
};

describe('experimental_evaluate (the incumbent README example)', () => {
  it('sends the Decisions request and maps every answer, with metadata and rounding', async () => {
    ctx.emulator.setHandler(
      scriptedDecision({ answers: SCRIPTED_ANSWERS, usage: { cost: 0.000018228 } }),
    );
    const result = await evaluate({
      model: ctx.openrouter.evaluationModel(MODEL),
      state: TICKET_STATE,
      questions: TICKET_QUESTIONS,
    });

    const request = requestAt(ctx.emulator);
    expect(`${request.method} ${request.path}`).toBe('POST /api/alpha/decisions');
    expect(request.headers.authorization).toBe(`Bearer ${TEST_API_KEY}`);
    expect(bodyAt(ctx.emulator)).toEqual({
      model: MODEL,
      state: TICKET_STATE,
      questions: {
        is_bug: { type: 'noul', instructions: 'Is the customer reporting a software defect?' },
        team: { type: 'choice', ...omitType(TICKET_QUESTIONS.team) },
        urgency: { type: 'score', ...omitType(TICKET_QUESTIONS.urgency) },
      },
    });

    expect(result.answers.is_bug).toEqual({ type: 'boolean', probability: 0.93 });
    expect(result.answers.team).toEqual({
      type: 'choice',
      choice: 'payments',
      probabilities: { payments: 0.87, frontend: 0.13, account: 0 },
    });
    expect(result.answers.urgency).toEqual({
      type: 'score',
      score: 2,
      probabilities: { '0': 0, '1': 0, '2': 1 },
    });
    expect(result.rounding).toEqual({ probabilityDecimals: 2, scoreDecimals: 2 });
    expect(result.providerMetadata?.openrouter).toMatchObject({
      provider: 'TypeSafe',
      answers: {
        is_bug: {},
        team: { confidence: 0.8 },
        urgency: { confidence: 0.9, legend: { '0': 'Can wait', '2': 'Blocking' } },
      },
      usage: { cost: 0.000018228 },
    });
    expect(result.providerMetadata?.openrouter?.generationId).toMatch(/^gen-dec-/);
    expect(result.usage.inputTokens).toBeGreaterThan(0);
    expect(result.response.modelId).toBe(`${MODEL}-20260917`);
    expect(result.warnings).toEqual([]);
  });

  it("the emulator's default judge answers from the state (payments for a checkout ticket)", async () => {
    const { defaultHandler } = await import('../../src/testing/index');
    ctx.emulator.setHandler(defaultHandler());
    const result = await decide({
      model: ctx.openrouter.decisionModel(MODEL),
      state: TICKET_STATE,
      questions: {
        team: {
          type: 'choice',
          instructions: 'Which team?',
          criteria: { payments: 'checkout and payment', account: 'login and profile' },
        },
      },
    });
    expect(result.answers.team.choice).toBe('payments');
  });
});

describe('experimental_decide', () => {
  it('a string state is sent as the string; text and JSON parts as an array', async () => {
    ctx.emulator.setHandler(scriptedDecision());
    const model = ctx.openrouter.decisionModel(MODEL);
    const questions = { ok: { type: 'boolean', instructions: 'Is it fine?' } } as const;
    await decide({ model, state: 'All systems nominal.', questions });
    expect(bodyAt(ctx.emulator).state).toBe('All systems nominal.');
    await decide({
      model,
      state: [
        { type: 'text', text: 'Order #4411' },
        { type: 'json', value: { charged: 2 } },
      ],
      questions,
    });
    expect(bodyAt(ctx.emulator).state).toEqual(['Order #4411', { charged: 2 }]);
  });

  it('boolean criteria describing both sides are sent; instructions may be absent', async () => {
    ctx.emulator.setHandler(scriptedDecision());
    await decide({
      model: ctx.openrouter.decisionModel(MODEL),
      state: 'x',
      questions: { refund: { type: 'boolean', criteria: { true: 'asks', false: 'does not' } } },
    });
    expect(bodyAt(ctx.emulator).questions).toEqual({
      refund: { type: 'noul', criteria: { true: 'asks', false: 'does not' } },
    });
  });

  it('refused before any request: box questions, file state, undescribed score levels, one-sided criteria', async () => {
    ctx.emulator.setHandler(scriptedDecision());
    const model = ctx.openrouter.decisionModel(MODEL);
    const box = await rejectionOf(
      decide({ model, state: 'x', questions: { where: { type: 'box', instructions: 'Find it' } } }),
    );
    expect(Experimental_DecisionUnsupportedQuestionTypeError.isInstance(box)).toBe(true);

    const file = await rejectionOf(
      decide({
        model,
        state: [{ type: 'file', data: new Uint8Array([1, 2]), mediaType: 'image/png' }],
        questions: { ok: { type: 'boolean', instructions: 'ok?' } },
      }),
    );
    expect((file as Error).name).toBe('AI_UnsupportedFunctionalityError');

    const score = await rejectionOf(
      decide({
        model,
        state: 'x',
        questions: { level: { type: 'score', instructions: 'How bad?', criteria: ['low', null] } },
      }),
    );
    expect(InvalidArgumentError.isInstance(score)).toBe(true);
    expect((score as InvalidArgumentError).argument).toBe('questions.level.criteria[1]');

    const oneSided = await rejectionOf(
      decide({
        model,
        state: 'x',
        questions: { ok: { type: 'boolean', instructions: 'ok?', criteria: { true: 'yes' } } },
      }),
    );
    expect(InvalidArgumentError.isInstance(oneSided)).toBe(true);
    expect(ctx.emulator.requests).toHaveLength(0);
  });

  it('a refusal answer is a DecisionRefusalError', async () => {
    ctx.emulator.setHandler(scriptedDecision({ answers: { ok: { type: 'refusal' } } }));
    const error = await rejectionOf(
      decide({
        model: ctx.openrouter.decisionModel(MODEL),
        state: 'x',
        questions: { ok: { type: 'boolean', instructions: 'ok?' } },
      }),
    );
    expect(Experimental_DecisionRefusalError.isInstance(error)).toBe(true);
  });

  it('settings, extraBody and providerOptions: the call wins; model, state and questions stay the call', async () => {
    ctx.emulator.setHandler(scriptedDecision());
    const openrouter = emulatorProvider(ctx.emulator, { extraBody: { user: 'provider-extra' } });
    const model = openrouter.decisionModel(MODEL, {
      user: 'settings',
      sessionId: 'workflow-1',
      provider: { order: ['typesafe'], allowFallbacks: false },
      trace: { trace_id: 't-1', customKey: 'kept' },
      extraBody: { model: 'evil/model', state: 'hijacked', custom_flag: true },
    });
    const result = await decide({
      model,
      state: 'x',
      questions: { ok: { type: 'boolean', instructions: 'ok?' } },
      maxOutputTokens: 10,
      providerOptions: { openrouter: { user: 'call', questions: {} } },
    });
    expect(bodyAt(ctx.emulator)).toEqual({
      model: MODEL,
      state: 'x',
      questions: { ok: { type: 'noul', instructions: 'ok?' } },
      user: 'call',
      session_id: 'workflow-1',
      provider: { order: ['typesafe'], allow_fallbacks: false },
      trace: { trace_id: 't-1', customKey: 'kept' },
      custom_flag: true,
    });
    expect(result.warnings).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('providerOptions.openrouter.questions was ignored'),
      }),
      { type: 'unsupported', feature: 'maxOutputTokens', details: expect.any(String) },
    ]);
  });

  it('createProviderRegistry resolves openrouter:<id> decision models', async () => {
    ctx.emulator.setHandler(scriptedDecision());
    const registry = createProviderRegistry({ openrouter: ctx.openrouter });
    const result = await decide({
      model: registry.decisionModel('openrouter:openrouter/typesafe/jev-1.13'),
      state: 'x',
      questions: { ok: { type: 'boolean', instructions: 'ok?' } },
    });
    expect(bodyAt(ctx.emulator).model).toBe(MODEL);
    expect(result.answers.ok.type).toBe('boolean');
  });

  it('the model answers the former doEvaluate call with the state as given', async () => {
    ctx.emulator.setHandler(scriptedDecision());
    const model = ctx.openrouter.evaluationModel(MODEL);
    const result = await model.doEvaluate({
      state: [{ note: 'a JSON array, not parts' }],
      questions: { ok: { type: 'boolean', instructions: 'ok?' } },
    });
    expect(bodyAt(ctx.emulator).state).toEqual([{ note: 'a JSON array, not parts' }]);
    expect(result.answers.ok?.type).toBe('boolean');
  });
});

describe('where the Decisions API is', () => {
  it('by default the base URL origin plus /api/alpha, outside /api/v1', async () => {
    ctx.emulator.setHandler(scriptedDecision());
    await decide({
      model: ctx.openrouter.decisionModel(MODEL),
      state: 'x',
      questions: { ok: { type: 'boolean', instructions: 'ok?' } },
    });
    expect(requestAt(ctx.emulator).path).toBe('/api/alpha/decisions');
  });

  it('decisionsBaseURL replaces it (a proxy route), and a missing route says to check it', async () => {
    ctx.emulator.setHandler(scriptedDecision());
    const origin = new URL(ctx.emulator.baseURL).origin;
    const routed = createOpenRouter({
      apiKey: TEST_API_KEY,
      baseURL: `${origin}/proxy/openrouter`,
      decisionsBaseURL: `${origin}/api/alpha`,
    });
    await decide({
      model: routed.decisionModel(MODEL),
      state: 'x',
      questions: { ok: { type: 'boolean', instructions: 'ok?' } },
    });
    expect(requestAt(ctx.emulator).path).toBe('/api/alpha/decisions');

    const wrong = createOpenRouter({
      apiKey: TEST_API_KEY,
      baseURL: ctx.emulator.baseURL,
      decisionsBaseURL: `${origin}/proxy/alpha`,
    });
    const error = await rejectionOf(
      decide({
        model: wrong.decisionModel(MODEL),
        state: 'x',
        questions: { ok: { type: 'boolean', instructions: 'ok?' } },
        maxRetries: 0,
      }),
    );
    expect((error as Error).message).toContain('check decisionsBaseURL');
  });
});

function omitType<T extends { type: string }>(question: T): Omit<T, 'type'> {
  const { type: _type, ...rest } = question;
  return rest;
}
