/**
 * The comparison key of a header, a sheet name, an enumeration value or an Assumptions key:
 * lower case, letters and digits only ("Book Life (months)" -> "booklifemonths", "Salvage %" -> "salvage").
 */
export function normaliseKey(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}
