/**
 * The production parse/serialize, from shared/workbook. Both front ends (main.ts, web.ts) take
 * their codec from here, so wiring the workbook module is a change to this file alone.
 */
import { err } from '../../shared/domain/result';
import type { Codec } from './codec';

// TODO(workbook): wire shared/workbook (readXlsxTables + readFleetFromTables for .xlsx, parseCsv +
// readFleetFromTables for .csv, and the writer) once it lands; until then files cannot be read.
export const workbookCodec: Codec = {
  parse: async (_bytes, name) => err({ message: `Fleetbook cannot read ${name} yet: the workbook reader is not built into this version.` }),
  serialize: async () => {
    throw new Error('the workbook writer is not built into this version');
  },
};
