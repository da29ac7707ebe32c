// The zip writer under the xlsx writer: CRC-32 as zip defines it, small parts stored and large
// ones deflated, each part coming back byte for byte.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspectZip } from '../../../../shared/workbook/xlsx/zipDirectory';
import { crc32, ZipWriter } from '../../../../shared/workbook/xlsx/zipWriter';
import { unzip } from '../../../fixtures/workbooks/zip-tools';

/** CRC-32 bit by bit, as the zip specification (APPNOTE 4.4.7) describes it. */
function crcBitwise(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

describe('crc32', () => {
  it('gives the check value of the CRC-32 catalogue for "123456789"', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('agrees with the bitwise definition on any bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (data) => crc32(data) === crcBitwise(data)));
  });
});

describe('ZipWriter', () => {
  it('stores small parts, deflates large ones, and every part reads back as written', async () => {
    const big = Array.from({ length: 40_000 }, (_, i) => `<row r="${i}"/>`).join('');
    const zip = new ZipWriter();
    await zip.add('a.xml', '<a>Ünïcödé</a>');
    const e = zip.entry('xl/big.xml');
    for (let i = 0; i < big.length; i += 7_000) await e.text(big.slice(i, i + 7_000));
    await e.close();
    await zip.add('empty.txt', '');
    const bytes = zip.finish();
    const dir = inspectZip(bytes);
    if (!dir.ok) throw new Error(dir.error);
    expect(dir.value.list.map((x) => [x.name, x.method])).toEqual([['a.xml', 0], ['xl/big.xml', 8], ['empty.txt', 0]]);
    const parts = unzip(bytes);
    expect(parts.map((p) => new TextDecoder().decode(p.data))).toEqual(['<a>Ünïcödé</a>', big, '']);
    const local = new DataView(bytes.buffer, bytes.byteOffset);
    dir.value.list.forEach((x, i) => expect(local.getUint32(x.localHeaderOffset + 14, true)).toBe(crcBitwise(parts[i].data)));
  });

  it('refuses a second part while one is open', () => {
    const zip = new ZipWriter();
    zip.entry('a');
    expect(() => zip.entry('b')).toThrow(/close the previous part/);
    expect(() => zip.finish()).toThrow(/still open/);
  });
});
