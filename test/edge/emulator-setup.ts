/**
 * Global setup of the edge project: the emulator (Node-only, `node:http`) runs here, in Node,
 * serving its defaults; the tests, under the edge runtime, get its base URL with
 * `inject('emulatorBaseURL')` and choose behaviours by model id.
 */
import type { TestProject } from 'vitest/node';
import { startOpenRouterEmulator } from '../../src/testing/index.js';

declare module 'vitest' {
  export interface ProvidedContext {
    emulatorBaseURL: string;
  }
}

export default async function setup(project: TestProject) {
  const emulator = await startOpenRouterEmulator();
  project.provide('emulatorBaseURL', emulator.baseURL);
  return () => emulator.close();
}
