/**
 * The dependency rules of `src/` (see docs/architecture.md), checked by `npm run depcheck` in
 * `npm test`. Type-only imports count: a cycle through types is still a tangle to read.
 */
const KINDS = '(chat|embedding|image|completion|speech|transcription|reranking|video|decision)';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles make load order fragile and the layers unreadable.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'shared-stands-alone',
      severity: 'error',
      comment: 'shared/ serves every model kind and the platform API, so it imports none of them.',
      from: { path: '^src/shared/' },
      to: { path: `^src/(${KINDS.slice(1, -1)}|platform|tool|testing)/|^src/[^/]+\\.ts$` },
    },
    {
      name: 'kinds-stand-alone',
      severity: 'error',
      comment: 'A model kind imports shared/ (and chat: tool/), never another kind or platform/.',
      from: { path: `^src/${KINDS}/` },
      to: { path: `^src/(${KINDS.slice(1, -1)}|platform|testing)/`, pathNot: '^src/$1/' },
    },
    {
      name: 'platform-stands-alone',
      severity: 'error',
      comment: 'The platform API is used by the provider, and imports only shared/.',
      from: { path: '^src/platform/' },
      to: { path: `^src/(${KINDS.slice(1, -1)}|tool|testing)/|^src/[^/]+\\.ts$` },
    },
    {
      name: 'proxy-stands-alone',
      severity: 'error',
      comment:
        'The proxy (ai-sdk-openrouter/proxy) runs on servers and edge runtimes without the provider, so it imports nothing else from src/.',
      from: { path: '^src/proxy/' },
      to: { path: '^src/', pathNot: '^src/proxy/' },
    },
    {
      name: 'runtime-not-testing',
      severity: 'error',
      comment: 'The emulator (testing/) is Node-only; the runtime path must not load it.',
      from: { path: '^src/', pathNot: '^src/testing/' },
      to: { path: '^src/testing/' },
    },
    {
      name: 'emulator-kinds-stand-alone',
      severity: 'error',
      comment:
        'In the emulator, server/ and shared/ serve every kind, and a kind folder imports no other kind.',
      from: { path: '^src/testing/([^/]+)/' },
      to: {
        path: '^src/testing/([^/]+)/',
        pathNot: ['^src/testing/(server|shared)/', '^src/testing/$1/'],
      },
    },
    {
      name: 'emulator-core-stands-alone',
      severity: 'error',
      comment: 'The emulator core (server/, shared/) imports no kind folder.',
      from: { path: '^src/testing/(server|shared)/' },
      to: { path: '^src/testing/', pathNot: '^src/testing/(server|shared)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.test\\.ts$' },
  },
};
