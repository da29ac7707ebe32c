/**
 * The comparison key of a header, a sheet name, an enumeration value or an Assumptions key:
 * lower case, letters and digits only ("Book Life (months)" -> "booklifemonths", "Salvage %" -> "salvage").
 */
export function normaliseKey(s: string): string {
  // Plain ASCII (nearly every header and enumeration value) needs no Unicode normalisation.
  const text = /^[\x20-\x7e]*$/.test(s) ? s : s.normalize('NFKC');
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}
