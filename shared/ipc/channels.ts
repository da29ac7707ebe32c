/**
 * The names of the contract's channels, and the API method that calls each one.
 *
 * Kept free of runtime dependencies on purpose: the sandboxed Electron preload bundles this file
 * and may require nothing but `electron` (so no zod here; the schemas live in contract.ts).
 */

/** Renderer -> host request/response channels, by the DesktopApi method that invokes them. */
export const API_METHODS = {
  appInfo: 'app:info',
  newDocument: 'doc:new',
  openDialog: 'doc:open-dialog',
  openBytes: 'doc:open-bytes',
  openRecent: 'doc:open-recent',
  openPending: 'doc:open-pending',
  openSample: 'doc:open-sample',
  recentList: 'doc:recent-list',
  save: 'doc:save',
  saveAs: 'doc:save-as',
  autosave: 'doc:autosave',
  closeDocument: 'doc:close',
  recoveryList: 'doc:recovery-list',
  recover: 'doc:recover',
  discardRecovery: 'doc:discard-recovery',
  startReport: 'report:start',
  reportStatus: 'report:status',
  cancelReport: 'report:cancel',
} as const;

export type ApiMethod = keyof typeof API_METHODS;
export type Channel = (typeof API_METHODS)[ApiMethod];

export const CHANNELS = Object.values(API_METHODS) as readonly Channel[];

/** Host -> renderer push events (Electron only: the browser has no app menu or OS file events). */
export const EVENT_CHANNELS = {
  /** A command from the application menu. */
  menuCommand: 'menu:command',
  /** The OS asked to open a file (double-click, second launch); the renderer calls openPending(). */
  openPending: 'doc:pending',
} as const;

export type EventChannel = (typeof EVENT_CHANNELS)[keyof typeof EVENT_CHANNELS];

export function isChannel(name: string): name is Channel {
  return (CHANNELS as readonly string[]).includes(name);
}

/** The HTTP header that carries the per-run token in browser mode. */
export const TOKEN_HEADER = 'x-fleetbook-token';
/** The <meta name=...> in the served index.html that hands the token to the page. */
export const TOKEN_META = 'fleetbook-token';
/** The global the Electron preload exposes the API on. */
export const BRIDGE_GLOBAL = 'fleetbook';
