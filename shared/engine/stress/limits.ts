/** The Monte Carlo's defaults and bounds, on their own so the IPC contract can use them without the engine. */
export const DEFAULT_PATHS = 1000;
export const DEFAULT_SEED = 1;
/**
 * The most paths a run may ask for (the view, the CLI, a report): every path's value per month is
 * kept for the bands (paths x months x 8 bytes: 100,000 x 120 months = 96 MB).
 */
export const MAX_PATHS = 100_000;
