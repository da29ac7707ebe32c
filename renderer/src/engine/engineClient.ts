import { EngineClient } from './client';

let shared: EngineClient | null = null;

/** The app's one engine worker client, started on first use. */
export function getEngineClient(): EngineClient {
  shared ??= new EngineClient(() => new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' }));
  return shared;
}
