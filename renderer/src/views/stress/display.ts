import { useEffect, useMemo, useState } from 'react';
import { AllCommunityModule as ChartsCommunity, ModuleRegistry as ChartsRegistry } from 'ag-charts-community';
import { formatCents, formatNumber } from '../../format';
import { useDocumentStore } from '../../store/documentStore';

ChartsRegistry.registerModules([ChartsCommunity]);

/** Money of the open workbook: full amounts from cents for tables, short ones from units for chart axes. */
export interface Money {
  cents(cents: number | null | undefined): string;
  /** Units (dollars), compact: $1.2M. */
  short(units: number): string;
  /** Units with a sign: +$1.2M, -$300K (changes against a base). */
  signedShort(units: number): string;
}

const compactCache = new Map<string, Intl.NumberFormat>();

function compactFormat(currency: string): Intl.NumberFormat {
  let f = compactCache.get(currency);
  if (!f) {
    try {
      f = new Intl.NumberFormat(undefined, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 });
    } catch {
      f = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });
    }
    compactCache.set(currency, f);
  }
  return f;
}

export function useMoney(): Money {
  const currency = useDocumentStore((s) => s.fleet.assumptions.currency);
  return useMemo(() => {
    const compact = compactFormat(currency);
    return {
      cents: (c) => (c === null || c === undefined || !Number.isFinite(c) ? '' : formatCents(c, currency)),
      short: (u) => compact.format(u),
      signedShort: (u) => (u > 0 ? `+${compact.format(u)}` : u < 0 ? `−${compact.format(-u)}` : compact.format(0)),
    };
  }, [currency]);
}

/** A share (0.25) as a percentage: "25%", "2.5%"; blank when not a number. */
export function percentText(share: number): string {
  return Number.isFinite(share) ? `${formatNumber(share * 100, 1)}%` : '';
}

/** Months with one decimal: "27.5". */
export function monthsText(months: number | null | undefined): string {
  return months === null || months === undefined || !Number.isFinite(months) ? '' : formatNumber(months, 1);
}

/** The first day of a month index, as the charts' time axis wants it (UTC, so no time zone moves it). */
export function monthDate(m: number): Date {
  return new Date(Date.UTC(Math.floor(m / 12), m % 12, 1));
}

const DARK = '(prefers-color-scheme: dark)';

/** The charts' theme, following the system's light or dark mode as the app's colours do. */
export function useChartTheme(): 'ag-default' | 'ag-default-dark' {
  const [dark, setDark] = useState(() => window.matchMedia?.(DARK).matches ?? false);
  useEffect(() => {
    const query = window.matchMedia?.(DARK);
    if (!query) return;
    const onChange = (e: MediaQueryListEvent) => setDark(e.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return dark ? 'ag-default-dark' : 'ag-default';
}
