import { formatCentsPlain, type Cents } from '../../../shared/domain/money';

/**
 * Display formatting for the renderer. Amounts stay integer cents until this edge; one
 * Intl.NumberFormat per (locale, currency) is cached because constructing them is slow and grids
 * format thousands of cells per scroll.
 */

const cache = new Map<string, Intl.NumberFormat>();

function cached(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let f = cache.get(key);
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

/** A currency formatter; an unknown ISO code falls back to a plain two-decimal number with the code. */
export function currencyFormat(currency: string, locale?: string): Intl.NumberFormat {
  return cached(`c|${locale ?? ''}|${currency}`, () => {
    try {
      // Accounting sign: negatives in parentheses, as on a ledger.
      return new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        currencySign: 'accounting',
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
      });
    } catch {
      return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    }
  });
}

const known = new Map<string, boolean>();
function isKnownCurrency(currency: string): boolean {
  let k = known.get(currency);
  if (k === undefined) {
    try {
      new Intl.NumberFormat(undefined, { style: 'currency', currency });
      k = true;
    } catch {
      k = false;
    }
    known.set(currency, k);
  }
  return k;
}

/** Cents in the workbook's currency: 123456 -> "$1,234.56" (en-US, USD). */
export function formatCents(cents: Cents, currency: string, locale?: string): string {
  const text = currencyFormat(currency, locale).format(cents / 100);
  return isKnownCurrency(currency) ? text : `${text} ${currency}`;
}

/** Cents as the text a person edits: 123456 -> "1234.56" (no grouping, '.' decimal point). */
export const formatCentsForEdit: (cents: Cents) => string = formatCentsPlain;

/** A plain number with grouping and up to `maxFraction` decimals. */
export function formatNumber(n: number, maxFraction = 2, locale?: string): string {
  return cached(`n|${locale ?? ''}|${maxFraction}`, () =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: maxFraction }),
  ).format(n);
}

/** A percentage held as a percent number (15 -> "15%"), as files and the UI show rates. */
export function formatPercent(pct: number, locale?: string): string {
  return `${formatNumber(pct, 4, locale)}%`;
}

/** A whole number typed by the user (thousands separators allowed), or why it is not one in range. */
export function parseWhole(text: string, what: string, min: number, max: number): { ok: true; value: number } | { ok: false; problem: string } {
  const t = text.trim().replace(/[,_\s]/g, '');
  if (!/^-?\d+$/.test(t)) return { ok: false, problem: `${what} must be a whole number.` };
  const n = Number(t);
  if (n < min || n > max) return { ok: false, problem: `${what} must be from ${formatNumber(min, 0)} to ${formatNumber(max, 0)}.` };
  return { ok: true, value: n };
}
