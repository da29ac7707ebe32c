/** The most alternative lives the what-if table takes (each is a pair of columns). */
export const MAX_LIVES = 8;

export type LivesParse = { ok: true; lives: number[] } | { ok: false; problem: string };

/**
 * A list of lives as a person types it: months separated by commas, semicolons or spaces
 * ("36, 48, 60"), or years with a y ("3y 4.5y" -> 36, 54). Whole months from 1 to 600, each once,
 * in the order typed.
 */
export function parseLives(text: string): LivesParse {
  const parts = text
    .split(/[,;\s]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return { ok: false, problem: 'Type at least one life in months, e.g. 36, 48, 60.' };
  const lives: number[] = [];
  for (const p of parts) {
    const m = /^(\d+(?:\.\d+)?)\s*(y|yr|yrs|years?|m|mo|months?)?$/i.exec(p);
    if (!m) return { ok: false, problem: `"${p}" is not a number of months (or years with a y, e.g. 5.5y).` };
    const years = m[2] !== undefined && m[2].toLowerCase().startsWith('y');
    const months = years ? Number(m[1]) * 12 : Number(m[1]);
    if (!Number.isInteger(months) || months < 1 || months > 600) return { ok: false, problem: `${p} is not a whole number of months from 1 to 600.` };
    if (!lives.includes(months)) lives.push(months);
  }
  if (lives.length > MAX_LIVES) return { ok: false, problem: `At most ${MAX_LIVES} lives at a time.` };
  return { ok: true, lives };
}

export function livesText(lives: readonly number[]): string {
  return lives.join(', ');
}
