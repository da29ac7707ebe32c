import type { Reply } from './core';

/** What the slice loop needs of the engine core. */
export interface SlicedWork {
  busy(): boolean;
  pump(budgetMs: number): Reply[];
}

/**
 * Runs the core's long work (Monte Carlo) in slices of about `sliceMs`, yielding to the worker's
 * message loop between slices so a cancel or another query is read in the meantime. Returns
 * `kick`, to call after each message: it schedules a slice when there is work and none is due.
 *
 * The yield is a MessageChannel message rather than setTimeout(0): nested timers are clamped to
 * 4 ms, which would cost a tenth of the run; a channel message queues behind the messages already
 * received, so a cancel still gets in.
 */
export function createSliceLoop(core: SlicedWork, post: (r: Reply) => void, sliceMs = 40): () => void {
  const channel = new MessageChannel();
  let due = false;
  const kick = (): void => {
    if (due || !core.busy()) return;
    due = true;
    channel.port2.postMessage(null);
  };
  channel.port1.onmessage = () => {
    due = false;
    for (const r of core.pump(sliceMs)) post(r);
    kick();
  };
  return kick;
}
