/**
 * The functions that turn file bytes into a Fleet and back. The host takes them as parameters so
 * its services do not depend on the workbook format (and tests can use trivial ones).
 */
import type { Fleet } from '../../shared/domain/fleet';
import type { Problem } from '../../shared/domain/problem';
import type { Result } from '../../shared/domain/result';
import type { DocumentFormat, FileColumns, ImportOptions } from '../../shared/ipc/contract';

export interface ParsedDocument {
  fleet: Fleet;
  warnings: Problem[];
  /**
   * Set when the file holds content Fleetbook cannot write back (charts, pivot tables...): Save
   * then asks for Save As with this reason instead of overwriting the file.
   */
  overwriteBlocked?: string;
}

export interface ParseFailure {
  message: string;
  problems?: Problem[];
  /** The Fleet sheet's header row, so the user can map its columns. */
  columns?: FileColumns;
}

export type ParseFn = (bytes: Uint8Array, name: string, options?: ImportOptions) => Promise<Result<ParsedDocument, ParseFailure>>;

/** `original`: the bytes of the file being replaced (same format), so sheets and columns Fleetbook
 * does not know can be kept. May throw; the host reports the message. */
export type SerializeFn = (fleet: Fleet, format: DocumentFormat, original?: Uint8Array) => Promise<Uint8Array>;

export interface Codec {
  parse: ParseFn;
  serialize: SerializeFn;
}
