import { describe, expect, it } from 'vitest';
import { formatCents, formatCentsForEdit } from '../../../renderer/src/format';

describe('money formatting', () => {
  it('formats cents in the workbook currency, negatives in parentheses', () => {
    expect(formatCents(123_456, 'USD', 'en-US')).toBe('$1,234.56');
    expect(formatCents(-5, 'USD', 'en-US')).toBe('($0.05)');
    expect(formatCents(100_000_050, 'EUR', 'en-US')).toBe('€1,000,000.50');
  });

  it('falls back to the code for an unknown currency', () => {
    expect(formatCents(150, 'XQZ1', 'en-US')).toBe('1.50 XQZ1');
  });

  it('writes edit text without grouping', () => {
    expect(formatCentsForEdit(123_456)).toBe('1234.56');
    expect(formatCentsForEdit(-5)).toBe('-0.05');
    expect(formatCentsForEdit(0)).toBe('0.00');
  });
});
