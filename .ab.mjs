// electron/host/report/export-report.ts
import { createHash, randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { open, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

// shared/domain/problem.ts
function formatProblem(p) {
  return p.cell ? `${p.sheet}!${p.cell}: ${p.message}` : `${p.sheet}: ${p.message}`;
}
function columnLetter(index) {
  let n = index + 1;
  let s2 = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s2 = String.fromCharCode(65 + r) + s2;
    n = Math.floor((n - 1) / 26);
  }
  return s2;
}

// shared/domain/fleet.ts
var ASSET_CLASSES = ["ASIC", "GPU", "Other"];
var DEFAULT_ASSUMPTIONS = {
  company: "",
  currency: "USD",
  fiscalYearStartMonth: 1,
  horizonMonths: 120,
  taxRatePct: 21,
  discountRatePct: 12,
  drivers: {}
};

// shared/domain/dates.ts
var ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
function daysInMonth(year, month) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
function parseLocalDate(s2) {
  const m = ISO.exec(s2);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}
function isLocalDate(s2) {
  return parseLocalDate(s2) !== null;
}
function toLocalDate(year, month, day) {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
function monthIndexOf(date) {
  const d = parseLocalDate(date);
  if (!d) throw new Error(`not a yyyy-MM-dd date: ${date}`);
  return d.year * 12 + d.month - 1;
}
function yearOfMonth(m) {
  return Math.floor(m / 12);
}
function calendarMonthOf(m) {
  return m % 12 + 1;
}
function monthLabel(m) {
  return `${yearOfMonth(m)}-${String(calendarMonthOf(m)).padStart(2, "0")}`;
}
function monthStart(m) {
  return toLocalDate(yearOfMonth(m), calendarMonthOf(m), 1);
}

// shared/domain/fiscal.ts
function fiscalYearOf(m, cal) {
  const y = yearOfMonth(m);
  const mo = calendarMonthOf(m);
  if (cal.startMonth === 1) return y;
  return mo >= cal.startMonth ? y + 1 : y;
}
function fiscalMonthPosition(m, cal) {
  return ((calendarMonthOf(m) - cal.startMonth) % 12 + 12) % 12;
}
function fiscalQuarterOf(m, cal) {
  return Math.floor(fiscalMonthPosition(m, cal) / 3) + 1;
}
function fiscalYearStartMonth(m, cal) {
  return m - fiscalMonthPosition(m, cal);
}
function fiscalYearLabel(m, cal) {
  return `FY${fiscalYearOf(m, cal)}`;
}

// shared/report/a1.ts
var EXCEL_MAX_ROWS = 1048576;
var LETTERS = [];
function col(index) {
  return LETTERS[index] ??= columnLetter(index);
}
function sheetPrefix(name) {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? `${name}!` : `'${name.replace(/'/g, "''")}'!`;
}
function ref(column2, row) {
  return `${col(column2)}${row}`;
}
function absRef(column2, row) {
  return `$${col(column2)}$${row}`;
}
function absRangeRef(column2, firstRow, lastRow) {
  return `$${col(column2)}$${firstRow}:$${col(column2)}$${lastRow}`;
}
function isValidSheetName(name) {
  return name.length > 0 && name.length <= 31 && !/[:\\/?*[\]]/.test(name) && !name.startsWith("'") && !name.endsWith("'");
}
function round2(expr) {
  return `ROUND(${expr},2)`;
}

// shared/domain/money.ts
function roundHalfAway(x) {
  const r = Math.round(Math.abs(x));
  return x < 0 ? -r : r;
}
function formatCentsPlain(cents) {
  const neg = cents < 0;
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100);
  const frac = abs - whole * 100;
  return `${neg && abs !== 0 ? "-" : ""}${whole}.${frac < 10 ? "0" : ""}${frac}`;
}

// shared/engine/book/allocate.ts
function shareOf(total, part, whole) {
  if (part <= 0 || whole <= 0 || total === 0) return 0;
  if (part >= whole) return total;
  const magnitude = Math.abs(total);
  const [quotient, remainder] = divideExact(magnitude, part, whole);
  const share = 2 * remainder >= whole ? quotient + 1 : quotient;
  return total < 0 ? -share : share;
}
function divideExact(a, b, c) {
  const product = a * b;
  if (Number.isSafeInteger(product)) {
    const remainder = product % c;
    return [(product - remainder) / c, remainder];
  }
  const big = BigInt(a) * BigInt(b);
  const bc = BigInt(c);
  return [Number(big / bc), Number(big % bc)];
}

// shared/engine/excel-functions.ts
function syd(cost, salvage, life, per) {
  if (life <= 0 || per <= 0 || per > life + 1 || salvage < 0) return NaN;
  return (cost - salvage) * (life - per + 1) * 2 / (life * (life + 1));
}
function decliningBalancePeriods(cost, salvage, life, factor, noSwitch, count, out2 = new Float64Array(Math.max(0, count))) {
  const rate = factor / life;
  let bookValue = cost;
  let straightLine = -1;
  for (let i = 1; i <= count; i++) {
    let amount;
    if (straightLine >= 0) {
      amount = straightLine;
    } else {
      const declining = Math.min(bookValue * rate, Math.max(0, bookValue - salvage));
      const remainingLife = life - (i - 1);
      const level = (bookValue - salvage) / remainingLife;
      if (!noSwitch && level > declining) {
        straightLine = level;
        amount = level;
      } else {
        amount = declining;
      }
    }
    bookValue -= amount;
    out2[i - 1] = amount;
  }
  return out2;
}

// shared/engine/book/curve.ts
var HALF_MONTHS_FIRST_YEAR_MID_QUARTER = [21, 15, 9, 3];
function makeCurve(first, runs, midMonth, straightLine) {
  const curve = { first, end: first, segFrom: [], segMonths: [], segTotal: [], segBefore: [], total: 0, midMonth, straightLine };
  let month = first;
  let before = 0;
  for (const [months, total] of runs) {
    if (months <= 0) continue;
    curve.segFrom.push(month);
    curve.segMonths.push(months);
    curve.segTotal.push(total);
    curve.segBefore.push(before);
    before = before + total * months / months;
    month += months;
  }
  curve.end = month - 1;
  curve.total = before;
  return curve;
}
function evenCurve(first, months) {
  const n = Math.max(1, months);
  return makeCurve(first, [[n, n]], false, true);
}
function lotCurve(method, convention, m0, life, cost, salvage, calendar) {
  if (method === "DDB" || method === "150DB") return decliningCurve(m0, life, cost, salvage, method === "DDB" ? 2 : 1.5);
  if (method === "SYD") return sydCurve(m0, life);
  switch (convention) {
    case "mid-month":
      return makeCurve(m0, [[1, 0.5], [life - 1, life - 1], [1, 0.5]], true, true);
    case "half-year":
      return yearConventionCurve(m0, life, 12, calendar);
    case "mid-quarter":
      return yearConventionCurve(m0, life, HALF_MONTHS_FIRST_YEAR_MID_QUARTER[fiscalQuarterOf(m0, calendar) - 1], calendar);
    default:
      return evenCurve(m0, life);
  }
}
function yearConventionCurve(m0, life, firstHalves, calendar) {
  const lifeHalves = 2 * life;
  const monthsInFirstYear = 12 - fiscalMonthPosition(m0, calendar);
  const halves1 = Math.min(firstHalves, lifeHalves);
  const rest = lifeHalves - halves1;
  const months1 = rest === 0 ? Math.min(monthsInFirstYear, Math.ceil(halves1 / 2)) : monthsInFirstYear;
  const fullYears = Math.floor(rest / 24);
  const lastHalves = rest % 24;
  const lastMonths = Math.ceil(lastHalves / 2);
  const unit = 2 * lcm(months1, Math.max(1, lastMonths));
  const halfUnit = unit / 2;
  const runs = [[months1, halves1 * halfUnit]];
  if (fullYears > 0) runs.push([12 * fullYears, 12 * fullYears * unit]);
  if (lastHalves > 0) runs.push([lastMonths, lastHalves * halfUnit]);
  return makeCurve(m0, runs, false, true);
}
var periodScratch = new Float64Array(16);
function decliningCurve(m0, life, cost, salvage, factor) {
  const years = Math.ceil(life / 12);
  const lifeYears = life / 12;
  if (periodScratch.length < years) periodScratch = new Float64Array(years);
  const periods = decliningBalancePeriods(cost, salvage, lifeYears, factor, false, years, periodScratch);
  const runs = [];
  let sum = 0;
  for (let y = 1; y <= years; y++) {
    const months = Math.min(12, life - 12 * (y - 1));
    const amount = periods[y - 1] * (Math.min(y, lifeYears) - (y - 1));
    runs.push([months, amount]);
    sum += amount;
  }
  if (!(sum > 0)) return evenCurve(m0, life);
  return makeCurve(m0, runs, false, false);
}
function sydCurve(m0, life) {
  const runs = [];
  if (life % 12 === 0) {
    const n = life / 12;
    for (let y = 1; y <= n; y++) runs.push([12, 12 * (n - y + 1)]);
  } else {
    const years = Math.ceil(life / 12);
    for (let y = 1; y <= years; y++) {
      const months = Math.min(12, life - 12 * (y - 1));
      runs.push([months, syd(1, 0, life / 12, y) * months / 12]);
    }
  }
  return makeCurve(m0, runs, false, false);
}
function weightThrough(c, t) {
  if (t < c.first) return 0;
  if (t >= c.end) return c.total;
  const s2 = segmentOf(c, t);
  const k = t - c.segFrom[s2] + 1;
  return c.segBefore[s2] + c.segTotal[s2] * k / c.segMonths[s2];
}
function weightAtMiddle(c, t) {
  if (t < c.first) return 0;
  if (t > c.end) return c.total;
  const before = weightThrough(c, t - 1);
  if (c.midMonth) {
    if (t === c.first) return before;
    if (t === c.end) return c.total;
  }
  return (before + weightThrough(c, t)) / 2;
}
function segmentOf(c, t) {
  let s2 = c.segFrom.length - 1;
  while (s2 > 0 && c.segFrom[s2] > t) s2--;
  return s2;
}
function gcd(a, b) {
  while (b) [a, b] = [b, a % b];
  return a;
}
function lcm(a, b) {
  return a / gcd(a, b) * b;
}

// shared/engine/book/event-order.ts
var PHASE_START = 0;
var PHASE_MIDDLE = 1;
var PHASE_END = 2;
var TYPE_RANK = {
  "change-estimate": 0,
  disposal: 1,
  "held-for-sale": 2,
  impairment: 3,
  idle: 4
};
function orderLotEvents(events, inServiceMonth, midMonth) {
  const out2 = [];
  for (const event of events) {
    if (!(event.type in TYPE_RANK)) continue;
    out2.push({ event, month: Math.max(inServiceMonth, monthIndexOf(event.date)), phase: phaseOf(event, midMonth) });
  }
  out2.sort(compareOrdered);
  return out2;
}
function phaseOf(event, midMonth) {
  switch (event.type) {
    case "impairment":
      return PHASE_END;
    case "disposal":
    case "held-for-sale":
      return midMonth ? PHASE_MIDDLE : PHASE_START;
    default:
      return PHASE_START;
  }
}
function compareOrdered(a, b) {
  return a.month - b.month || a.phase - b.phase || compareStrings(a.event.date, b.event.date) || TYPE_RANK[a.event.type] - TYPE_RANK[b.event.type] || compareContent(contentKey(a.event), contentKey(b.event));
}
function contentKey(e) {
  switch (e.type) {
    case "change-estimate":
      return [e.lifeMonths ?? -1, e.salvagePct ?? -1];
    case "impairment":
      return [e.fairValue];
    case "held-for-sale":
      return [e.fairValueLessCosts];
    case "disposal":
      return [e.units, e.proceeds];
    case "idle":
      return [e.until ?? ""];
  }
}
function compareContent(a, b) {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    const c = typeof x === "number" && typeof y === "number" ? x - y : compareStrings(String(x), String(y));
    if (c !== 0) return c;
  }
  return 0;
}
function compareStrings(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// shared/engine/book/types.ts
var SCHEDULE_FLAG = {
  idle: 1,
  heldForSale: 2,
  disposedAll: 4
};

// shared/engine/book/arena.ts
var CHUNK_LENGTH = 1 << 13;
var MAX_BLOCK_LENGTH = 1 << 27;
var chunk = new Float64Array(0);
var used = 0;
var takeFromChunks = (length) => {
  if (length > CHUNK_LENGTH >> 3) return new Float64Array(length);
  if (used + length > chunk.length) {
    chunk = new Float64Array(CHUNK_LENGTH);
    used = 0;
  }
  const column2 = new Float64Array(chunk.buffer, used * 8, length);
  used += length;
  return column2;
};
function copyF64(source, length) {
  const column2 = takeFromChunks(length);
  column2.set(source.subarray(0, length));
  return column2;
}

// shared/engine/book/zeros.ts
var f64ByLength = [];
var u8ByLength = [];
function zerosF64(length) {
  return f64ByLength[length] ??= new Float64Array(length);
}
function zerosU8(length) {
  return u8ByLength[length] ??= new Uint8Array(length);
}
function isSharedZero(a) {
  return f64ByLength[a.length] === a;
}

// shared/engine/book/schedule.ts
function computeBookSchedules(fleet) {
  const calendar = { startMonth: fleet.assumptions.fiscalYearStartMonth };
  const byLot = /* @__PURE__ */ new Map();
  for (const event of fleet.events) {
    const list = byLot.get(event.lotId);
    if (list) list.push(event);
    else byLot.set(event.lotId, [event]);
  }
  const lots = fleet.lots;
  const out2 = new Array(lots.length);
  for (let i = 0; i < lots.length; i++) {
    const lot = lots[i];
    out2[i] = scheduleLot(lot, byLot.size === 0 ? NO_EVENTS : byLot.get(lot.id) ?? NO_EVENTS, calendar, null);
  }
  return out2;
}
var NO_EVENTS = [];
function percentOfCents(cents, pct2) {
  if (!Number.isFinite(pct2)) return 0;
  const exact = cents * pct2 / 100;
  return roundHalfAway(Number.isInteger(pct2) ? exact : Number(exact.toPrecision(15)));
}
function scheduleLot(lot, events, calendar, detail) {
  const m0 = monthOfDate(lot.inService);
  const cost = lotCost(lot);
  const salvage = lotSalvage(lot, cost);
  const life = lotLife(lot);
  if (events.length === 0 && isPlainStraightLine(lot)) return scheduleWithoutEvents(lot, m0, cost, salvage, life, null, detail);
  const curve = lotCurve(lot.method, lot.convention, m0, life, cost, salvage, calendar);
  if (events.length === 0) return scheduleWithoutEvents(lot, m0, cost, salvage, life, curve, detail);
  const ordered = orderLotEvents(events, m0, curve.midMonth);
  return scheduleWithEvents(lot, m0, cost, salvage, life, curve, ordered, detail);
}
function lotCost(lot) {
  return roundHalfAway(lot.quantity * lot.unitCost);
}
function lotSalvage(lot, cost) {
  return Math.min(Math.max(0, percentOfCents(cost, lot.salvagePct)), Math.max(0, cost));
}
function lotLife(lot) {
  return Number.isFinite(lot.lifeMonths) ? Math.max(1, Math.round(lot.lifeMonths)) : 1;
}
function isPlainStraightLine(lot) {
  const c = lot.convention;
  return lot.method === "SL" && c !== "mid-month" && c !== "half-year" && c !== "mid-quarter";
}
function monthOfDate(date) {
  if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    const year = digit(date, 0) * 1e3 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3);
    const month = digit(date, 5) * 10 + digit(date, 6);
    const day = digit(date, 8) * 10 + digit(date, 9);
    if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 28) return year * 12 + month - 1;
  }
  return monthIndexOf(date);
}
function digit(s2, i) {
  const d = s2.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : NaN;
}
function lengthWithoutEvents(m0, life, curve) {
  return curve ? curve.end - m0 + 1 : life;
}
function scheduleWithoutEvents(lot, m0, cost, salvage, life, curve, detail) {
  const length = lengthWithoutEvents(m0, life, curve);
  const zero = zerosF64(length);
  const additions = takeFromChunks(length);
  const closingCost = takeFromChunks(length).fill(cost);
  const depreciation = takeFromChunks(length);
  const closingAccum = takeFromChunks(length);
  additions[0] = cost;
  const base = cost - salvage;
  if (base > 0 && curve === null) {
    let previous = 0;
    for (let t = 1; t <= life; t++) {
      const booked = roundHalfAway(base * t / life);
      depreciation[t - 1] = booked - previous;
      closingAccum[t - 1] = booked;
      previous = booked;
    }
  } else if (base > 0 && curve !== null) {
    const total = curve.total;
    let i = curve.first - m0;
    let previous = 0;
    for (let k = 0; k < curve.segFrom.length; k++) {
      const before = curve.segBefore[k];
      const segTotal = curve.segTotal[k];
      const months = curve.segMonths[k];
      for (let j = 1; j <= months; j++, i++) {
        const booked = roundHalfAway(base * (before + segTotal * j / months) / total);
        depreciation[i] = booked - previous;
        closingAccum[i] = booked;
        previous = booked;
      }
    }
  }
  if (detail) {
    detail.salvage = new Float64Array(length).fill(salvage);
    detail.final = { units: lot.quantity, cost, accum: closingAccum[length - 1], salvage, heldForSale: false, disposedAll: false };
  }
  return {
    lotId: lot.id,
    startMonth: m0,
    length,
    additions,
    disposedCost: zero,
    closingCost,
    depreciation,
    impairment: zero,
    disposedAccum: zero,
    closingAccum,
    proceeds: zero,
    gainLoss: zero,
    flags: zerosU8(length)
  };
}
function depreciateTo(b, w) {
  if (b.heldForSale || b.disposedAll || b.amount <= 0) return;
  const span = b.curve.total - b.anchor;
  const target = span > 0 ? roundHalfAway(b.amount * Math.min(span, w - b.anchor) / span) : b.amount;
  const d = target - b.booked;
  if (d === 0) return;
  b.booked = target;
  b.accum += d;
  b.depreciation += d;
}
function replan(b, curve, w, amount) {
  b.curve = curve;
  b.anchor = w;
  b.amount = Math.max(0, amount);
  b.booked = 0;
}
function changeEstimate(b, e, t) {
  if (b.heldForSale) return;
  if (e.lifeMonths !== void 0 && Number.isFinite(e.lifeMonths)) b.life = Math.max(1, Math.round(e.lifeMonths));
  const nbv = b.cost - b.accum;
  if (e.salvagePct !== void 0) b.salvage = Math.max(0, percentOfCents(b.cost, e.salvagePct));
  b.salvage = Math.min(b.salvage, nbv);
  replan(b, evenCurve(t, b.life - (t - b.m0)), 0, nbv - b.salvage);
}
function dispose(b, e, w) {
  const units = Math.min(b.units, Math.max(0, Math.trunc(e.units)));
  if (units <= 0) return;
  const toDepreciate = b.heldForSale ? 0 : b.cost - b.accum - b.salvage;
  const cost = shareOf(b.cost, units, b.units);
  const accum = shareOf(b.accum, units, b.units);
  const salvage = shareOf(b.salvage, units, b.units);
  const keepToDepreciate = toDepreciate - shareOf(toDepreciate, units, b.units);
  const proceeds = roundHalfAway(e.proceeds);
  b.cost -= cost;
  b.accum -= accum;
  b.units -= units;
  b.disposedCost += cost;
  b.disposedAccum += accum;
  b.proceeds += proceeds;
  b.gainLoss += proceeds - (cost - accum);
  const nbv = b.cost - b.accum;
  if (b.units === 0) {
    b.disposedAll = true;
    b.salvage = 0;
  } else if (b.heldForSale) {
    b.salvage = Math.min(b.salvage - salvage, nbv);
  } else {
    const keep2 = Math.min(Math.max(0, keepToDepreciate), nbv);
    b.salvage = nbv - keep2;
    replan(b, b.curve, w, keep2);
  }
}
function holdForSale(b, e) {
  b.heldForSale = true;
  writeDown(b, e.fairValueLessCosts);
}
function impair(b, e, t) {
  if (!writeDown(b, e.fairValue) || b.heldForSale) return;
  const fairValue = b.cost - b.accum;
  b.salvage = Math.min(b.salvage, fairValue);
  const w = weightThrough(b.curve, t);
  const amount = fairValue - b.salvage;
  if (amount <= 0 || b.curve.straightLine && b.curve.total > w) replan(b, b.curve, w, amount);
  else replan(b, evenCurve(t + 1, b.curve.end - t), 0, amount);
}
function writeDown(b, value) {
  const nbv = b.cost - b.accum;
  const target = Math.max(0, roundHalfAway(value));
  if (!(target < nbv)) return false;
  const loss = nbv - target;
  b.accum += loss;
  b.impairment += loss;
  b.salvage = Math.min(b.salvage, target);
  return true;
}
function apply(b, o, t, w) {
  if (b.disposedAll) return;
  const e = o.event;
  switch (e.type) {
    case "change-estimate":
      return changeEstimate(b, e, t);
    case "disposal":
      return dispose(b, e, w);
    case "held-for-sale":
      return holdForSale(b, e);
    case "impairment":
      return impair(b, e, t);
    case "idle":
      return;
  }
}
var scratch = {
  capacity: 0,
  disposedCost: new Float64Array(0),
  closingCost: new Float64Array(0),
  depreciation: new Float64Array(0),
  impairment: new Float64Array(0),
  disposedAccum: new Float64Array(0),
  closingAccum: new Float64Array(0),
  proceeds: new Float64Array(0),
  gainLoss: new Float64Array(0),
  salvage: new Float64Array(0),
  flags: new Uint8Array(0)
};
function ensureScratch(length) {
  if (length <= scratch.capacity) return;
  const capacity = Math.max(256, 2 * scratch.capacity, length);
  const grow = (a) => {
    const b = new Float64Array(capacity);
    b.set(a);
    return b;
  };
  scratch.disposedCost = grow(scratch.disposedCost);
  scratch.closingCost = grow(scratch.closingCost);
  scratch.depreciation = grow(scratch.depreciation);
  scratch.impairment = grow(scratch.impairment);
  scratch.disposedAccum = grow(scratch.disposedAccum);
  scratch.closingAccum = grow(scratch.closingAccum);
  scratch.proceeds = grow(scratch.proceeds);
  scratch.gainLoss = grow(scratch.gainLoss);
  scratch.salvage = grow(scratch.salvage);
  const flags = new Uint8Array(capacity);
  flags.set(scratch.flags);
  scratch.flags = flags;
  scratch.capacity = capacity;
}
function scheduleWithEvents(lot, m0, cost, salvage, life, curve, ordered, detail) {
  const b = {
    m0,
    units: lot.quantity,
    cost,
    accum: 0,
    salvage,
    life,
    curve,
    anchor: 0,
    amount: cost - salvage,
    booked: 0,
    heldForSale: false,
    disposedAll: false,
    depreciation: 0,
    impairment: 0,
    disposedCost: 0,
    disposedAccum: 0,
    proceeds: 0,
    gainLoss: 0
  };
  const lastEventMonth = ordered[ordered.length - 1].month;
  let anyDisposal = false;
  let anyImpairment = false;
  let next = 0;
  let t = m0;
  for (; ; t++) {
    const i = t - m0;
    ensureScratch(i + 1);
    b.depreciation = b.impairment = b.disposedCost = b.disposedAccum = b.proceeds = b.gainLoss = 0;
    while (next < ordered.length && ordered[next].month === t && ordered[next].phase === PHASE_START) {
      apply(b, ordered[next++], t, weightThrough(b.curve, t - 1));
    }
    if (next < ordered.length && ordered[next].month === t && ordered[next].phase === PHASE_MIDDLE) {
      depreciateTo(b, weightAtMiddle(b.curve, t));
      while (next < ordered.length && ordered[next].month === t && ordered[next].phase === PHASE_MIDDLE) {
        apply(b, ordered[next++], t, weightAtMiddle(b.curve, t));
      }
    }
    depreciateTo(b, weightThrough(b.curve, t));
    while (next < ordered.length && ordered[next].month === t && ordered[next].phase === PHASE_END) {
      apply(b, ordered[next++], t, weightThrough(b.curve, t));
    }
    scratch.disposedCost[i] = b.disposedCost;
    scratch.closingCost[i] = b.cost;
    scratch.depreciation[i] = b.depreciation;
    scratch.impairment[i] = b.impairment;
    scratch.disposedAccum[i] = b.disposedAccum;
    scratch.closingAccum[i] = b.accum;
    scratch.proceeds[i] = b.proceeds;
    scratch.gainLoss[i] = b.gainLoss;
    scratch.salvage[i] = b.salvage;
    scratch.flags[i] = (b.heldForSale ? SCHEDULE_FLAG.heldForSale : 0) | (b.disposedAll ? SCHEDULE_FLAG.disposedAll : 0);
    if (b.disposedCost !== 0 || b.proceeds !== 0) anyDisposal = true;
    if (b.impairment !== 0) anyImpairment = true;
    if (b.disposedAll) break;
    const lastMonth = b.heldForSale ? lastEventMonth : Math.max(lastEventMonth, b.curve.end);
    if (t >= lastMonth) break;
  }
  const length = t - m0 + 1;
  let anyFlag = false;
  for (let i = 0; i < length && !anyFlag; i++) anyFlag = scratch.flags[i] !== 0;
  for (const o of ordered) {
    if (o.event.type !== "idle" || o.month - m0 >= length) continue;
    const until = o.event.until ? Math.max(o.month, monthIndexOf(o.event.until)) : Infinity;
    const last = Math.min(length - 1, until - m0);
    for (let i = o.month - m0; i <= last; i++) scratch.flags[i] |= SCHEDULE_FLAG.idle;
    anyFlag = true;
  }
  const zero = zerosF64(length);
  const copy = (a) => copyF64(a, length);
  const additions = takeFromChunks(length);
  additions[0] = cost;
  const schedule = {
    lotId: lot.id,
    startMonth: m0,
    length,
    additions,
    disposedCost: anyDisposal ? copy(scratch.disposedCost) : zero,
    closingCost: copy(scratch.closingCost),
    depreciation: copy(scratch.depreciation),
    impairment: anyImpairment ? copy(scratch.impairment) : zero,
    disposedAccum: anyDisposal ? copy(scratch.disposedAccum) : zero,
    closingAccum: copy(scratch.closingAccum),
    proceeds: anyDisposal ? copy(scratch.proceeds) : zero,
    gainLoss: anyDisposal ? copy(scratch.gainLoss) : zero,
    flags: anyFlag ? scratch.flags.slice(0, length) : zerosU8(length)
  };
  if (detail) {
    detail.salvage = scratch.salvage.slice(0, length);
    detail.final = { units: b.units, cost: b.cost, accum: b.accum, salvage: b.salvage, heldForSale: b.heldForSale, disposedAll: b.disposedAll };
  }
  return schedule;
}

// shared/domain/result.ts
var ok = (value) => ({ ok: true, value });
var err = (error) => ({ ok: false, error });

// shared/presets/hardware.ts
var COMMUNITY_DB = "economics.md \xA72.4: community power table (GitHub JS file), vendor nominal";
var ASIC_LIFE = { source: "economics.md \xA75.8/\xA76: ASIC book life 36 months (CleanSpark, Cipher, Stronghold filings)", date: "2026" };
var GPU_LIFE = { source: "economics.md \xA75.8/\xA76: GPU book life 72 months (hyperscalers, CoreWeave filings)", date: "2026" };
var SERVER_KW = { source: "economics.md \xA73.3: 8-GPU server maximum, ewyluda/gpu-price-index src/gpu_index/tco.py", date: "2026" };
var SPOTWIRE = { source: "economics.md \xA73.5: SpotWire eBay sold comps (depreciation_crossval.json)", date: "2026-06-04" };
function asic(id, name, vendor, year, hashrateThs, powerW, jPerTh, cooling, tier, verified, specSource, price) {
  const short = name.replace(/^(Antminer|Whatsminer)\s+/, "");
  const spec = { source: specSource, date: String(year) };
  return {
    id,
    assetClass: "ASIC",
    vendor,
    name,
    aliases: [short, `${vendor} ${name}`, `${vendor} ${short}`, id],
    year,
    verified,
    bookLifeMonths: 36,
    hashrateThs,
    powerW,
    jPerTh,
    cooling,
    tier,
    ...price ? { refPriceUsdPerTh: price.usdPerTh } : {},
    sources: {
      hashrateThs: spec,
      powerW: spec,
      jPerTh: spec,
      bookLifeMonths: ASIC_LIFE,
      ...price ? { refPriceUsdPerTh: { source: price.source, date: price.date } } : {}
    }
  };
}
function gpuAliases(chip, extra) {
  return [chip, `NVIDIA ${chip}`, `HGX ${chip}`, `DGX ${chip}`, ...extra];
}
var HARDWARE_PRESETS = [
  asic(
    "s19j_pro",
    "Antminer S19j Pro",
    "Bitmain",
    2021,
    104,
    3068,
    29.5,
    "air",
    "25-38",
    true,
    "economics.md \xA72.4: nhamilton1/asics-tools src/utils/asic-queries/asicWattList.ts",
    { usdPerTh: 13.25, source: "economics.md \xA72.5: Luxor RFQ (S19 Pro 104T), hashrateindex.com", date: "2023-06" }
  ),
  asic(
    "s19_xp",
    "Antminer S19 XP",
    "Bitmain",
    2022,
    141,
    3010,
    21.5,
    "air",
    "19-25",
    true,
    "economics.md \xA72.4: nhamilton1/asics-tools; miningstore.com",
    { usdPerTh: 24, source: "economics.md \xA72.5: Luxor RFQ June 2023, hashrateindex.com", date: "2023-06" }
  ),
  asic(
    "t21",
    "Antminer T21",
    "Bitmain",
    2024,
    190,
    3610,
    19,
    "air",
    "19-25",
    true,
    `${COMMUNITY_DB}; blockoala.com/news/6854`,
    { usdPerTh: 14, source: "economics.md \xA72.5: Bitfarms purchase, blockoala.com/news/6854", date: "2024-03" }
  ),
  asic(
    "s21",
    "Antminer S21",
    "Bitmain",
    2024,
    200,
    3500,
    17.5,
    "air",
    "<19",
    true,
    `economics.md \xA72.4: theminermag.com (hashrate); ${COMMUNITY_DB} (power)`,
    { usdPerTh: 17.5, source: "economics.md \xA72.5: Bitfarms purchase, blockoala.com/news/6854 (pre-order $14/TH, Oct 2023)", date: "2024-03" }
  ),
  asic("s21_pro", "Antminer S21 Pro", "Bitmain", 2024, 234, 3510, 15, "air", "<19", false, COMMUNITY_DB),
  asic(
    "s21_xp",
    "Antminer S21 XP",
    "Bitmain",
    2024,
    270,
    3645,
    13.5,
    "air",
    "<19",
    true,
    `economics.md \xA72.4: btcminermarketplace.com; ${COMMUNITY_DB}`,
    { usdPerTh: 25.7, source: "economics.md \xA72.5: Hashrate Index roundup (spot)", date: "2025-11-03" }
  ),
  asic("s21_xp_hyd", "Antminer S21 XP Hyd", "Bitmain", 2025, 473, 5676, 12, "hydro", "<19", false, COMMUNITY_DB),
  asic(
    "s23_hyd",
    "Antminer S23 Hyd",
    "Bitmain",
    2026,
    580,
    5510,
    9.5,
    "hydro",
    "<19",
    false,
    `${COMMUNITY_DB}; 9.7 J/TH per TheMinerMag`
  ),
  asic("m60s", "Whatsminer M60S", "MicroBT", 2024, 184, 3404, 18.5, "air", "<19", false, COMMUNITY_DB),
  asic("m66s", "Whatsminer M66S", "MicroBT", 2024, 298, 5364, 18, "immersion", "<19", false, COMMUNITY_DB),
  {
    id: "v100_32",
    assetClass: "GPU",
    vendor: "NVIDIA",
    name: "NVIDIA V100 32GB",
    aliases: gpuAliases("V100", ["V100 32GB", "Tesla V100", "Tesla V100 32GB", "v100_32"]),
    year: 2017,
    verified: false,
    bookLifeMonths: 72,
    gpusPerUnit: 8,
    tdpW: 300,
    secondaryDecayAnnual: -0.365,
    sources: {
      tdpW: { source: "economics.md \xA76 preset data", date: "2026" },
      secondaryDecayAnnual: { source: `${SPOTWIRE.source} (V100 32GB PCIe, n=264, R\xB2 0.84)`, date: SPOTWIRE.date },
      bookLifeMonths: GPU_LIFE
    }
  },
  {
    id: "a100_80",
    assetClass: "GPU",
    vendor: "NVIDIA",
    name: "NVIDIA A100 80GB SXM4",
    aliases: gpuAliases("A100", ["A100 80GB", "A100 SXM", "A100 SXM4", "A100 80GB SXM4", "a100_80"]),
    year: 2020,
    verified: true,
    bookLifeMonths: 72,
    gpusPerUnit: 8,
    tdpW: 400,
    powerW: 6500,
    streetPriceUsd: 15e3,
    usedPriceUsd: [4e3, 18e3],
    rentPerGpuHour: 1.7,
    secondaryDecayAnnual: -0.282,
    serverCapexUsd: 12e4,
    sources: {
      tdpW: { source: "economics.md \xA73.3: lynx-cortex datacenter economics", date: "2026" },
      powerW: SERVER_KW,
      streetPriceUsd: { source: "economics.md \xA73.5/\xA76: GLRI residual pages (A100 80GB SXM4 MSRP)", date: "2026-01" },
      usedPriceUsd: { source: "economics.md \xA73.5: computeforecast.com secondary market", date: "2026" },
      rentPerGpuHour: { source: "economics.md \xA73.1: GIX (henryzhangpku/gpu-price-index), median $1.70-1.88, range $0.81-3.50", date: "2026-08" },
      secondaryDecayAnnual: { source: `${SPOTWIRE.source} (A100 80GB SXM4, n=84)`, date: SPOTWIRE.date },
      serverCapexUsd: { source: "economics.md \xA76: placeholder", date: "2026" },
      bookLifeMonths: GPU_LIFE
    }
  },
  {
    id: "h100_sxm",
    assetClass: "GPU",
    vendor: "NVIDIA",
    name: "NVIDIA H100 80GB SXM5",
    aliases: gpuAliases("H100", ["H100 SXM", "H100 SXM5", "H100 80GB", "H100 80GB SXM5", "h100_sxm"]),
    year: 2022,
    verified: true,
    bookLifeMonths: 72,
    gpusPerUnit: 8,
    tdpW: 700,
    powerW: 10200,
    streetPriceUsd: 3e4,
    usedPriceUsd: [15e3, 28e3],
    rentPerGpuHour: 2.35,
    secondaryDecayAnnual: 6e-3,
    serverCapexUsd: 25e4,
    sources: {
      tdpW: { source: "economics.md \xA73.3: huggingface.co/hardware/h100", date: "2026" },
      powerW: { source: `${SERVER_KW.source} (DGX H100 10.2 kW)`, date: SERVER_KW.date },
      streetPriceUsd: { source: "economics.md \xA73.5: aiinframap.com TCO tool (\xB120-40%)", date: "2026-06" },
      usedPriceUsd: { source: "economics.md \xA73.5: computeforecast.com secondary market", date: "2026" },
      rentPerGpuHour: { source: "economics.md \xA73.1: SemiAnalysis 1-year contract index (GIX demo $3.59 on 2026-08-27)", date: "2026-03" },
      secondaryDecayAnnual: { source: `${SPOTWIRE.source} (H100 80GB, n=88, R\xB2 \u2248 0: flat scarcity market)`, date: SPOTWIRE.date },
      serverCapexUsd: { source: "economics.md \xA73.5/\xA76: ewyluda placeholder $250k per 8-GPU server", date: "2026" },
      bookLifeMonths: GPU_LIFE
    }
  },
  {
    id: "h200_sxm",
    assetClass: "GPU",
    vendor: "NVIDIA",
    name: "NVIDIA H200 141GB SXM",
    aliases: gpuAliases("H200", ["H200 SXM", "H200 141GB", "H200 141GB SXM", "h200_sxm"]),
    year: 2024,
    verified: true,
    bookLifeMonths: 72,
    gpusPerUnit: 8,
    tdpW: 700,
    powerW: 10200,
    streetPriceUsd: 35e3,
    rentPerGpuHour: 3.6,
    serverCapexUsd: 3e5,
    sources: {
      tdpW: { source: "economics.md \xA73.3: MLCommons v4.1 system JSON (H200 TGP 700 W)", date: "2024" },
      powerW: { source: `${SERVER_KW.source} (DGX H200 10.2 kW)`, date: SERVER_KW.date },
      streetPriceUsd: { source: "economics.md \xA73.5: aiinframap.com TCO tool (\xB120-40%)", date: "2026-06" },
      rentPerGpuHour: { source: "economics.md \xA73.1: GIX demo benchmark (henryzhangpku/gpu-price-index)", date: "2026-08-27" },
      serverCapexUsd: { source: "economics.md \xA76: placeholder", date: "2026" },
      bookLifeMonths: GPU_LIFE
    }
  },
  {
    id: "b200",
    assetClass: "GPU",
    vendor: "NVIDIA",
    name: "NVIDIA B200 192GB",
    aliases: gpuAliases("B200", ["B200 192GB", "b200"]),
    year: 2025,
    verified: true,
    bookLifeMonths: 72,
    gpusPerUnit: 8,
    tdpW: 1e3,
    powerW: 14300,
    streetPriceUsd: 4e4,
    rentPerGpuHour: 5.94,
    serverCapexUsd: 45e4,
    sources: {
      tdpW: { source: "economics.md \xA73.3: lynx-cortex datacenter economics", date: "2026" },
      powerW: { source: `${SERVER_KW.source} (DGX B200 14.3 kW)`, date: SERVER_KW.date },
      streetPriceUsd: { source: "economics.md \xA73.5: aiinframap.com ($40-50k; ~$50k at release per FT)", date: "2026-06" },
      rentPerGpuHour: { source: "economics.md \xA73.1: GIX demo benchmark (2025 floor $2.80, FT/RBC)", date: "2026-08-27" },
      serverCapexUsd: { source: "economics.md \xA76: placeholder", date: "2026" },
      bookLifeMonths: GPU_LIFE
    }
  }
];
function normaliseModel(model) {
  return model.normalize("NFKC").toLowerCase().replace(/[\s\-_.]+/g, "");
}
var BY_NAME = (() => {
  const m = /* @__PURE__ */ new Map();
  for (const p of HARDWARE_PRESETS) {
    for (const n of [p.name, p.id, ...p.aliases]) {
      const k = normaliseModel(n);
      const prior = m.get(k);
      if (prior && prior !== p) throw new Error(`preset name clash: ${n}`);
      m.set(k, p);
    }
  }
  return m;
})();
function findPreset(model) {
  if (!model) return void 0;
  return BY_NAME.get(normaliseModel(model));
}

// shared/engine/economic/drivers.ts
var RESALE_MODELS = ["cashflow", "anchor", "exponential"];
var SPOTWIRE_ANCHOR = [1, 0.78, 0.6, 0.46, 0.35];
var DEFAULT_MARKET_START = "2026-01-01";
var pct = "%";
var DRIVER_DEFS = [
  // ASIC (economics.md 5.2, 5.8, asic_defaults of section 6)
  {
    key: "hashpricephday",
    label: "Hashprice ($/PH/day)",
    unit: "$/PH/day",
    kind: "number",
    appliesTo: "ASIC",
    default: 39.5,
    low: 28.68,
    high: 61.95,
    min: 0,
    source: 'Hashrate Index roundup 2026-01-12 ($39.53/PH/day), economics.md 2.3/5.7; range: snapshots $28.68 (2026-06-26, unverified) to $61.95 (2024-12-16). Alias key "Hashprice ($/TH/day)" (x1000).'
  },
  {
    key: "hashpricedriftyr",
    label: "Hashprice Drift (%/yr)",
    unit: "%/yr",
    kind: "number",
    appliesTo: "ASIC",
    default: -20,
    low: -35,
    high: 0,
    above: -100,
    source: "economics.md 5.8: USD hashprice drift ex-halving; 2021-26 CAGR -26%/yr ex-halving (derived)."
  },
  {
    key: "halvingdates",
    label: "Halving Dates",
    unit: "dates",
    kind: "text",
    appliesTo: "ASIC",
    default: "2024-04-20; 2028-04-15; 2032-04-15",
    source: '"none" for no halving. economics.md 2.1/6: block 840,000 on 2024-04-20; block 1,050,000 est. ~2028-04-15; block 1,260,000 ~2032 (derived: +210,000 blocks x 600 s).'
  },
  {
    key: "halvingshiftmonths",
    label: "Halving Shift (months)",
    unit: "months",
    kind: "number",
    appliesTo: "ASIC",
    default: 0,
    low: -3,
    high: 3,
    min: -24,
    max: 24,
    integer: true,
    source: "economics.md 5.8: halving timing +/-3 months. Moves the halving dates after the market start."
  },
  {
    key: "feeshare",
    label: "Fee Share %",
    unit: pct,
    kind: "number",
    appliesTo: "ASIC",
    default: 1,
    low: 0.5,
    high: 5,
    min: 0,
    max: 100,
    source: "economics.md 5.8: fees 1% of the block reward (0.5-0.6% observed late 2025/Jan 2026), Hashrate Index roundups."
  },
  {
    key: "uptime",
    label: "Uptime %",
    unit: pct,
    kind: "number",
    appliesTo: "ASIC",
    default: 97,
    low: 90,
    high: 99,
    min: 0,
    max: 100,
    source: "economics.md 5.8: 97%; curtailment lowers it."
  },
  {
    key: "poolfee",
    label: "Pool Fee %",
    unit: pct,
    kind: "number",
    appliesTo: "ASIC",
    default: 1.5,
    low: 0,
    high: 2.5,
    min: 0,
    max: 100,
    source: "economics.md 5.8: 1.5%, FPPS pool norms [assumption, unverified]."
  },
  {
    key: "asicpowerpricekwh",
    label: "ASIC Power Price ($/kWh)",
    unit: "$/kWh",
    kind: "number",
    appliesTo: "ASIC",
    default: 0.045,
    low: 0.03,
    high: 0.08,
    min: 0,
    source: "economics.md 5.8: all-in miner power; Riot 3.4c (2024), IREN ~3.8c (derived), hosting 5.5-7.3c."
  },
  {
    key: "hashboarddegradationyr",
    label: "Hashboard Degradation (%/yr)",
    unit: "%/yr",
    kind: "number",
    appliesTo: "ASIC",
    default: 2,
    low: 0,
    high: 5,
    min: 0,
    below: 100,
    source: "economics.md 5.2/6: 2%/yr [unverified assumption]; stress range 0-5 is an app choice."
  },
  {
    key: "asicdiscountrate",
    label: "ASIC Discount Rate %",
    unit: "%/yr",
    kind: "number",
    appliesTo: "ASIC",
    default: null,
    fallback: "Discount Rate %",
    low: 10,
    high: 25,
    above: -100,
    source: "economics.md 5.8: miner discount rate 15%/yr (10-25) [unverified]."
  },
  {
    key: "asicphysicallifemonths",
    label: "ASIC Physical Life (months)",
    unit: "months",
    kind: "number",
    appliesTo: "ASIC",
    default: 72,
    low: 48,
    high: 96,
    min: 1,
    max: 600,
    integer: true,
    source: "economics.md 5.3/5.7: N = maximum physical life, 72-month horizon in the worked examples; stress range an app choice."
  },
  {
    key: "asicresalemodel",
    label: "ASIC Resale Model",
    unit: "",
    kind: "choice",
    appliesTo: "ASIC",
    default: "cashflow",
    choices: RESALE_MODELS,
    source: "economics.md 5.4: ASIC $/TH tracks hashprice; the marginal buyer's cash-flow value (Luxor prices rigs off months-to-breakeven)."
  },
  // GPU (economics.md 5.2, 5.8, gpu_defaults of section 6)
  {
    key: "gpurentdecayyr",
    label: "GPU Rent Decay (%/yr)",
    unit: "%/yr",
    kind: "number",
    appliesTo: "GPU",
    default: 20,
    low: 10,
    high: 40,
    below: 100,
    source: "economics.md 5.8: 20%/yr; SpotWire 28-55%/yr for older parts, AWS RI x0.72/yr, 2024-25 observed -22% to -29%/yr, 2026 rebound."
  },
  {
    key: "gpurentbymodelgpuhr",
    label: "GPU Rent by Model ($/GPU-hr)",
    unit: "model=$/GPU-hr; ...",
    kind: "text",
    appliesTo: "GPU",
    default: "",
    fallback: "the preset rent",
    source: `Rent at the market start per model, e.g. "H100=2.35; B200=5.94". A lot's Rent column wins.`
  },
  {
    key: "gpurentdecaybymodelyr",
    label: "GPU Rent Decay by Model (%/yr)",
    unit: "model=%/yr; ...",
    kind: "text",
    appliesTo: "GPU",
    default: "",
    fallback: "GPU Rent Decay (%/yr)",
    source: 'Per-model override of the rent decay, e.g. "A100=28; H100=20".'
  },
  {
    key: "successorstepdown",
    label: "Successor Step-down %",
    unit: pct,
    kind: "number",
    appliesTo: "GPU",
    default: 25,
    low: 0,
    high: 40,
    min: 0,
    below: 100,
    source: "economics.md 5.4/5.8: step of 20-30% when the successor becomes widely available (GLRI [S])."
  },
  {
    key: "successordates",
    label: "Successor Dates",
    unit: "model=date; ...",
    kind: "text",
    appliesTo: "GPU",
    default: "",
    source: 'Dates the next generation becomes widely available, per model ("H100=2027-06; B200=2028-01") or bare dates for every GPU. None by default: the 20%/yr decay default is measured across generation changes.'
  },
  {
    key: "gpuutilization",
    label: "GPU Utilization %",
    unit: pct,
    kind: "number",
    appliesTo: "GPU",
    default: 85,
    low: 40,
    high: 95,
    min: 0,
    max: 100,
    source: "economics.md 3.4/5.8: billed utilization 85% contracted (65% merchant); Disintermediate, Uptime Institute."
  },
  {
    key: "pue",
    label: "PUE",
    unit: "ratio",
    kind: "number",
    appliesTo: "GPU",
    default: 1.3,
    low: 1.1,
    high: 1.6,
    min: 1,
    source: "economics.md 3.3/5.8: 1.3 (Uptime Institute via lynx-cortex; ewyluda)."
  },
  {
    key: "idlepowerfraction",
    label: "Idle Power Fraction %",
    unit: pct,
    kind: "number",
    appliesTo: "GPU",
    default: 35,
    low: 25,
    high: 45,
    min: 0,
    max: 100,
    source: "economics.md 3.3/5.8: 35% of maximum power (ewyluda)."
  },
  {
    key: "gpupowerpricekwh",
    label: "GPU Power Price ($/kWh)",
    unit: "$/kWh",
    kind: "number",
    appliesTo: "GPU",
    default: 0.08,
    low: 0.05,
    high: 0.13,
    min: 0,
    source: "economics.md 5.8: data-centre power $0.08/kWh (ewyluda, aiinframap, chanthaphan)."
  },
  {
    key: "colocationkwmonth",
    label: "Colocation ($/kW-month)",
    unit: "$/kW-month",
    kind: "number",
    appliesTo: "GPU",
    default: 150,
    low: 100,
    high: 250,
    min: 0,
    source: "economics.md 3.3/5.8: $150/kW-month (ewyluda), $150-250 (v2-pseo). Avoidable only by retiring."
  },
  {
    key: "gpuoperationsofcapexyr",
    label: "GPU Operations (% of capex/yr)",
    unit: "%/yr",
    kind: "number",
    appliesTo: "GPU",
    default: 8,
    low: 5,
    high: 10,
    min: 0,
    source: "economics.md 3.3/5.8: 8% of capex per year (ewyluda), 10% (chanthaphan). Capex = the lot's unit cost."
  },
  {
    key: "gpudiscountrate",
    label: "GPU Discount Rate %",
    unit: "%/yr",
    kind: "number",
    appliesTo: "GPU",
    default: null,
    fallback: "Discount Rate %",
    low: 8,
    high: 14,
    above: -100,
    source: "economics.md 5.8: GPU discount rate 10%/yr (ewyluda CoC 8%, TS calculator 10%)."
  },
  {
    key: "gpuphysicallifemonths",
    label: "GPU Physical Life (months)",
    unit: "months",
    kind: "number",
    appliesTo: "GPU",
    default: 72,
    low: 60,
    high: 96,
    min: 1,
    max: 600,
    integer: true,
    source: "economics.md 3.7/5.7: physical life 6+ years, 72-month horizon in the worked examples; stress range an app choice."
  },
  {
    key: "gpuresalemodel",
    label: "GPU Resale Model",
    unit: "",
    kind: "choice",
    appliesTo: "GPU",
    default: "anchor",
    choices: RESALE_MODELS,
    source: "economics.md 3.5/5.4: SpotWire vintage anchor 1.00/0.78/0.60/0.46/0.35 for years 0-4 on the unit cost."
  },
  // Resale (economics.md 5.4)
  {
    key: "liquidationfactor",
    label: "Liquidation Factor %",
    unit: pct,
    kind: "number",
    appliesTo: "all",
    default: 85,
    low: 45,
    high: 100,
    min: 0,
    max: 100,
    source: "economics.md 3.5/5.8: 85% = broker in 90 days (SpotWire, ASA OLV/FLV); 45% distressed, 100% orderly."
  },
  {
    key: "resaledecayyr",
    label: "Resale Decay (%/yr)",
    unit: "%/yr",
    kind: "number",
    appliesTo: "all",
    default: 28.2,
    low: 0,
    high: 54.5,
    below: 100,
    source: "economics.md 3.5: SpotWire A100 80GB SXM4 -28.2%/yr (A100 PCIe -54.5%, V100 -36.5%, H100 flat). Used by the exponential resale model."
  },
  {
    key: "buyerpowerpricekwh",
    label: "Buyer Power Price ($/kWh)",
    unit: "$/kWh",
    kind: "number",
    appliesTo: "ASIC",
    default: 0.04,
    low: 0.035,
    high: 0.05,
    min: 0,
    source: "economics.md 5.4/6: cheapest credible buyer power $0.035-0.05/kWh."
  },
  {
    key: "buyerpaybackmonths",
    label: "Buyer Payback (months)",
    unit: "months",
    kind: "number",
    appliesTo: "all",
    default: 18,
    low: 12,
    high: 24,
    min: 1,
    max: 120,
    integer: true,
    source: "economics.md 5.4/6: buyer payback horizon 12-24 months (Luxor: S19 XP fair value at an 18.2-month breakeven)."
  },
  {
    key: "buyerhurdle",
    label: "Buyer Hurdle %",
    unit: "%/yr",
    kind: "number",
    appliesTo: "all",
    default: 30,
    low: 25,
    high: 40,
    above: -100,
    source: "economics.md 5.4/6: buyer hurdle 25-40%/yr."
  },
  // Common
  {
    key: "discountrate",
    label: "Discount Rate %",
    unit: "%/yr",
    kind: "number",
    appliesTo: "all",
    default: 12,
    low: 8,
    high: 25,
    above: -100,
    field: "discountRatePct",
    source: "Fixed Assumptions key (app default 12%); economics.md 5.8: miners 15%/yr, GPU owners 10%/yr. The class keys override it."
  },
  {
    key: "powerpricekwh",
    label: "Power Price ($/kWh)",
    unit: "$/kWh",
    kind: "number",
    appliesTo: "all",
    default: null,
    fallback: "the class power prices",
    min: 0,
    source: "One power price for every class when the class keys are absent."
  },
  {
    key: "powerpricebylotkwh",
    label: "Power Price by Lot ($/kWh)",
    unit: "lot=$/kWh; ...",
    kind: "text",
    appliesTo: "all",
    default: "",
    source: 'Per-lot (site) power price, e.g. "L-001=0.035; L-002=0.05". Wins over every other power price.'
  },
  {
    key: "marketstart",
    label: "Market Start",
    unit: "date",
    kind: "date",
    appliesTo: "all",
    default: null,
    fallback: `As Of, else ${DEFAULT_MARKET_START}`,
    source: "The date the hashprice and rent start values describe; paths run forward and backward from it."
  }
];
var DEF_BY_KEY = new Map(DRIVER_DEFS.map((d) => [d.key, d]));
function driverDef(key) {
  return DEF_BY_KEY.get(key);
}
function driverKey(label) {
  return label.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}
function modelKey(model) {
  const t = model.trim();
  if (t === "*" || t.toLowerCase() === "all") return "*";
  return findPreset(t)?.id ?? normaliseModel(t);
}
function serialToDate(serial) {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 864e5);
  return toLocalDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}
function parseDate(v) {
  if (typeof v === "number") return serialToDate(v);
  const s2 = v.trim();
  if (/^\d{4}-\d{2}$/.test(s2)) return isLocalDate(`${s2}-01`) ? `${s2}-01` : null;
  return isLocalDate(s2) ? s2 : null;
}
function parseNumber(v) {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  const s2 = v.trim().replace(/^\$/, "").replace(/%$/, "").replace(/_/g, "").trim();
  if (s2 === "" || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s2)) return null;
  return Number(s2);
}
function parsePairs(s2) {
  const parts = [];
  for (const part of s2.split(/[;\n\r]+/)) {
    const byComma = part.split(",").map((p) => p.trim()).filter((p) => p !== "");
    if (byComma.length > 1 && byComma.every((p) => /[=:]/.test(p))) parts.push(...byComma);
    else if (part.trim() !== "") parts.push(part.trim().replace(/,$/, ""));
  }
  const out2 = [];
  for (const p of parts) {
    const m = /^([^=:]+?)\s*[=:]\s*(.+)$/.exec(p);
    if (!m) return null;
    out2.push({ name: m[1], value: m[2].trim() });
  }
  return out2;
}
function addMonths(date, months) {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const d = Number(date.slice(8, 10));
  const ny = y + Math.floor(m / 12);
  const nm = (m % 12 + 12) % 12 + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return toLocalDate(ny, nm, Math.min(d, last));
}
function marketFromAssumptions(a) {
  const problems = [];
  const warnings = [];
  const raw = a.drivers ?? {};
  const bad = (def, value, why) => {
    problems.push({ sheet: "Assumptions", message: `${def.label}: ${JSON.stringify(value)} ${why}`, severity: "error" });
  };
  const present = (key) => {
    const v = raw[key];
    if (v === void 0 || v === null || typeof v === "string" && v.trim() === "") return void 0;
    return v;
  };
  const num = (key) => {
    const def = DEF_BY_KEY.get(key);
    const v = def.field ? a[def.field] : present(key);
    if (v === void 0 || v === null) return typeof def.default === "number" ? def.default : null;
    const n = parseNumber(v);
    if (n === null) {
      bad(def, v, "is not a number");
      return typeof def.default === "number" ? def.default : null;
    }
    const range = def.min !== void 0 && n < def.min || def.max !== void 0 && n > def.max || def.above !== void 0 && n <= def.above || def.below !== void 0 && n >= def.below;
    if (range) {
      bad(def, v, `is out of range (${describeRange(def)})`);
      return typeof def.default === "number" ? def.default : null;
    }
    if (def.integer && !Number.isInteger(n)) {
      bad(def, v, "must be a whole number");
      return typeof def.default === "number" ? def.default : null;
    }
    if (def.unit === pct && def.low !== void 0 && def.low >= 5 && n > 0 && n <= 1) {
      warnings.push({ sheet: "Assumptions", severity: "warning", message: `${def.label}: ${n} reads as ${n}%; enter ${n * 100} for ${n * 100}%` });
    }
    return n;
  };
  const choice = (key) => {
    const def = DEF_BY_KEY.get(key);
    const v = present(key);
    if (v === void 0) return def.default;
    const k = driverKey(String(v));
    const m = k === "cashflow" || k === "buyer" ? "cashflow" : k === "anchor" || k === "age" || k === "vintage" ? "anchor" : k === "exponential" || k === "exp" ? "exponential" : void 0;
    if (!m) {
      bad(def, v, `is not one of ${RESALE_MODELS.join(", ")}`);
      return def.default;
    }
    return m;
  };
  const dateList = (def, v) => {
    if (typeof v === "number") {
      const d = parseDate(v);
      return d ? [d] : null;
    }
    const out2 = [];
    if (v.trim().toLowerCase() === "none") return out2;
    for (const tok of v.split(/[\s;,|]+/).filter((t) => t !== "")) {
      const d = parseDate(tok);
      if (!d) {
        bad(def, tok, "is not a date (yyyy-MM-dd or yyyy-MM)");
        return null;
      }
      out2.push(d);
    }
    return out2.sort();
  };
  const numberMap = (key, keyOf, check, rangeText) => {
    const def = DEF_BY_KEY.get(key);
    const v = present(key);
    const out2 = {};
    if (v === void 0) return out2;
    const pairs = parsePairs(String(v));
    if (!pairs) {
      bad(def, v, 'is not a list of name=value pairs separated by ";"');
      return out2;
    }
    for (const { name, value } of pairs) {
      const n = parseNumber(value);
      if (n === null || !check(n)) {
        bad(def, `${name}=${value}`, n === null ? "has a value that is not a number" : `is out of range (${rangeText})`);
        continue;
      }
      out2[keyOf(name)] = n;
    }
    return out2;
  };
  let hashprice = num("hashpricephday");
  const thDay = present("hashpricethday");
  if (thDay !== void 0) {
    const def = DEF_BY_KEY.get("hashpricephday");
    const n = parseNumber(thDay);
    if (present("hashpricephday") !== void 0) bad(def, thDay, "is also given as Hashprice ($/TH/day): keep one of the two");
    else if (n === null || n < 0) bad({ ...def, label: "Hashprice ($/TH/day)" }, thDay, n === null ? "is not a number" : "is out of range (>= 0)");
    else hashprice = n * 1e3;
  }
  const marketStartDef = DEF_BY_KEY.get("marketstart");
  let marketStart = a.asOf && isLocalDate(a.asOf) ? a.asOf : DEFAULT_MARKET_START;
  const ms = present("marketstart");
  if (ms !== void 0) {
    const d = parseDate(ms);
    if (d) marketStart = d;
    else bad(marketStartDef, ms, "is not a date (yyyy-MM-dd or yyyy-MM)");
  }
  const shift = num("halvingshiftmonths") ?? 0;
  const halvingDef = DEF_BY_KEY.get("halvingdates");
  const halvingRaw = present("halvingdates") ?? halvingDef.default;
  const halvings = (dateList(halvingDef, halvingRaw) ?? dateList(halvingDef, halvingDef.default)).map(
    (d) => shift !== 0 && d > marketStart ? addMonths(d, shift) : d
  );
  const generalPower = num("powerpricekwh");
  const discount = num("discountrate");
  const asicPowerGiven = present("asicpowerpricekwh") !== void 0;
  const gpuPowerGiven = present("gpupowerpricekwh") !== void 0;
  const asicPower = num("asicpowerpricekwh");
  const gpuPower = num("gpupowerpricekwh");
  const rentByModel = numberMap("gpurentbymodelgpuhr", modelKey, (n) => n >= 0, ">= 0");
  const rentDecayByModel = numberMap("gpurentdecaybymodelyr", modelKey, (n) => n < 100, "below 100");
  for (const k of Object.keys(rentDecayByModel)) rentDecayByModel[k] /= 100;
  const successorDates = {};
  const succDef = DEF_BY_KEY.get("successordates");
  const succ = present("successordates");
  if (succ !== void 0) {
    if (typeof succ === "number") {
      const d = parseDate(succ);
      if (d) successorDates["*"] = [d];
      else bad(succDef, succ, "is not a date");
    } else {
      for (const entry of succ.split(/[;\n\r]+/).map((p) => p.trim()).filter((p) => p !== "")) {
        const m = /^([^=:]+?)\s*=\s*(.+)$/.exec(entry);
        const name = m ? modelKey(m[1]) : "*";
        const dates = dateList(succDef, m ? m[2] : entry);
        if (dates) successorDates[name] = [...successorDates[name] ?? [], ...dates].sort();
      }
    }
  }
  const powerPriceByLot = numberMap("powerpricebylotkwh", (n) => n.trim(), (n) => n >= 0, ">= 0");
  const drivers = {
    marketStart,
    asOf: a.asOf && isLocalDate(a.asOf) ? a.asOf : null,
    asic: {
      hashpriceUsdPerPhDay: hashprice,
      hashpriceDrift: num("hashpricedriftyr") / 100,
      halvingDates: halvings,
      feeShare: num("feeshare") / 100,
      uptime: num("uptime") / 100,
      poolFee: num("poolfee") / 100,
      powerPriceKwh: !asicPowerGiven && generalPower !== null ? generalPower : asicPower,
      degradation: num("hashboarddegradationyr") / 100,
      discountRate: (num("asicdiscountrate") ?? discount) / 100,
      physicalLifeMonths: num("asicphysicallifemonths"),
      resaleModel: choice("asicresalemodel")
    },
    gpu: {
      rentDecay: num("gpurentdecayyr") / 100,
      rentByModel,
      rentDecayByModel,
      successorStep: num("successorstepdown") / 100,
      successorDates,
      utilization: num("gpuutilization") / 100,
      pue: num("pue"),
      idleFraction: num("idlepowerfraction") / 100,
      powerPriceKwh: !gpuPowerGiven && generalPower !== null ? generalPower : gpuPower,
      coloUsdPerKwMonth: num("colocationkwmonth"),
      opsPctCapexPerYear: num("gpuoperationsofcapexyr") / 100,
      discountRate: (num("gpudiscountrate") ?? discount) / 100,
      physicalLifeMonths: num("gpuphysicallifemonths"),
      resaleModel: choice("gpuresalemodel")
    },
    resale: {
      liquidationFactor: num("liquidationfactor") / 100,
      exponentialDecay: num("resaledecayyr") / 100,
      anchor: [...SPOTWIRE_ANCHOR],
      buyerPowerPriceKwh: num("buyerpowerpricekwh"),
      buyerPaybackMonths: num("buyerpaybackmonths"),
      buyerHurdle: num("buyerhurdle") / 100
    },
    powerPriceByLot,
    warnings
  };
  return problems.length > 0 ? err(problems) : ok(drivers);
}
function describeRange(d) {
  const parts = [];
  if (d.min !== void 0) parts.push(`>= ${d.min}`);
  if (d.above !== void 0) parts.push(`> ${d.above}`);
  if (d.max !== void 0) parts.push(`<= ${d.max}`);
  if (d.below !== void 0) parts.push(`< ${d.below}`);
  return parts.join(" and ");
}
function withDriver(a, key, value) {
  const def = DEF_BY_KEY.get(key);
  if (def?.field === "discountRatePct") {
    const n = typeof value === "number" ? value : parseNumber(value);
    return { ...a, discountRatePct: n ?? a.discountRatePct };
  }
  return { ...a, drivers: { ...a.drivers, [key]: value } };
}

// shared/engine/economic/columns.ts
var CHUNK_BYTES = 1 << 19;
var f64 = new Float64Array(0);
var f64Used = 0;
var u8 = new Uint8Array(0);
var u8Used = 0;
function takeF64(length) {
  if (length > CHUNK_BYTES >> 5) return new Float64Array(length);
  if (f64Used + length > f64.length) {
    f64 = new Float64Array(CHUNK_BYTES >> 3);
    f64Used = 0;
  }
  const c = f64.subarray(f64Used, f64Used + length);
  f64Used += length;
  return c;
}
function takeU8(length) {
  if (length > CHUNK_BYTES >> 5) return new Uint8Array(length);
  if (u8Used + length > u8.length) {
    u8 = new Uint8Array(CHUNK_BYTES);
    u8Used = 0;
  }
  const c = u8.subarray(u8Used, u8Used + length);
  u8Used += length;
  return c;
}
var scratch2 = [];
function scratchF64(slot, length) {
  let a = scratch2[slot];
  if (!a || a.length < length) {
    a = new Float64Array(Math.max(length, a ? a.length * 2 : 0));
    scratch2[slot] = a;
  }
  return a;
}
var scratchU8Buf = new Uint8Array(0);
function scratchU8(length) {
  if (scratchU8Buf.length < length) scratchU8Buf = new Uint8Array(Math.max(length, scratchU8Buf.length * 2));
  return scratchU8Buf;
}

// shared/engine/economic/kernel.ts
function monthlyRate(annual) {
  return Math.pow(1 + annual, 1 / 12) - 1;
}
function solveInto(n, margin, fixed, salvage, rm, W, U, retire) {
  const d = 1 / (1 + rm);
  W[n] = salvage[n];
  U[n] = salvage[n];
  retire[n] = 1;
  let operatingLife = 0;
  let economicLife = n;
  for (let i = n - 1; i >= 0; i--) {
    const m = margin[i];
    if (operatingLife === 0 && m > 0) operatingLife = i + 1;
    const flow = (m > 0 ? m : 0) - (fixed === null ? 0 : fixed[i]);
    const keep2 = flow + W[i + 1] * d;
    const s2 = salvage[i];
    if (s2 >= keep2) {
      W[i] = s2;
      U[i] = s2;
      retire[i] = 1;
      economicLife = i;
    } else {
      W[i] = keep2;
      U[i] = flow + U[i + 1];
      retire[i] = 0;
    }
  }
  return economicLife | operatingLife << 16;
}
function buyerValue(flow, paybackMonths, rbm, out2) {
  const n = flow.length;
  const d = 1 / (1 + rbm);
  const dK = Math.pow(d, paybackMonths);
  let v = 0;
  for (let i = n - 1; i >= 0; i--) {
    const j = i + paybackMonths;
    v = flow[i] + d * v - (j < n ? dK * flow[j] : 0);
    out2[i] = v > 0 ? v : 0;
  }
  out2[n] = 0;
  return out2;
}
function anchorFactor(anchor, ageMonths) {
  const y = ageMonths / 12;
  const last = anchor.length - 1;
  if (y >= last) {
    const ratio = last > 0 && anchor[last - 1] > 0 ? anchor[last] / anchor[last - 1] : 1;
    return anchor[last] * Math.pow(ratio, y - last);
  }
  const k = Math.floor(y);
  const w = y - k;
  return anchor[k] * (1 - w) + anchor[k + 1] * w;
}
function impliedLife(ev, cost, salvage, maxLife = 600) {
  const n = ev.length;
  const D = cost - salvage;
  if (n === 0 || !(D > 0) || maxLife < 1) return NaN;
  let tail = 0;
  for (let i = 0; i < n; i++) {
    const t = cost - ev[i] - D;
    tail += t * t;
  }
  let sE2 = 0;
  let sEX = 0;
  let sX2 = 0;
  let best = NaN;
  let bestSse = Infinity;
  const consider = (L) => {
    const u = D / L;
    const sse = sE2 - 2 * u * sEX + u * u * sX2 + (tail > 0 ? tail : 0);
    if (Number.isNaN(best) || sse < bestSse - 1e-9 * bestSse || sse <= bestSse + 1e-9 * bestSse && L < best) {
      bestSse = sse;
      best = L;
    }
  };
  const upTo = Math.min(n + 1, maxLife);
  for (let L = 1; L <= upTo; L++) {
    const x = L - 1;
    if (x >= 1) {
      const e = cost - ev[x - 1];
      sE2 += e * e;
      sEX += e * x;
      sX2 += x * x;
      tail -= (e - D) * (e - D);
    }
    consider(L);
  }
  if (maxLife > upTo) {
    tail = 0;
    const star = sEX > 0 ? D * sX2 / sEX : Infinity;
    const clamp = (L) => Math.min(maxLife, Math.max(upTo + 1, L));
    consider(clamp(Math.floor(star)));
    consider(clamp(Math.ceil(star)));
  }
  return best;
}

// shared/engine/economic/market.ts
function daysPath(first, length) {
  const out2 = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const m = first + i;
    out2[i] = daysInMonth(yearOfMonth(m), calendarMonthOf(m));
  }
  return out2;
}
function steppedAverage(events, ref2, m, value) {
  if (events.length === 0) return value(0);
  let base = 0;
  for (const e of events) if (e <= ref2) base--;
  const first = monthStart(m);
  const y = yearOfMonth(m);
  const mo = calendarMonthOf(m);
  const days = daysInMonth(y, mo);
  const lastDay = `${first.slice(0, 8)}${String(days).padStart(2, "0")}`;
  let n = base;
  const inside = [];
  for (const e of events) {
    if (e < first) n++;
    else if (e <= lastDay) inside.push(Number(e.slice(8, 10)));
  }
  if (inside.length === 0) return value(n);
  inside.sort((a, b) => a - b);
  let acc = 0;
  let from = 1;
  for (const day of inside) {
    acc += (day - from) * value(n);
    n++;
    from = day;
  }
  acc += (days + 1 - from) * value(n);
  return acc / days;
}
function hashpriceMonthPath(d, first, length, days) {
  const a = d.asic;
  const ms = monthIndexOf(d.marketStart);
  const base = a.hashpriceUsdPerPhDay / 1e3;
  const fee = a.feeShare;
  const reward = (n) => fee + (1 - fee) * Math.pow(0.5, n);
  const out2 = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const m = first + i;
    out2[i] = base * Math.pow(1 + a.hashpriceDrift, (m - ms) / 12) * steppedAverage(a.halvingDates, d.marketStart, m, reward) * days[i];
  }
  return out2;
}
function rentPath(rent0, decay, step, successors, marketStart, first, length) {
  const ms = monthIndexOf(marketStart);
  const keep2 = 1 - step;
  const stepValue = (n) => Math.pow(keep2, n);
  const out2 = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const m = first + i;
    out2[i] = rent0 * Math.pow(1 - decay, (m - ms) / 12) * steppedAverage(successors, marketStart, m, stepValue);
  }
  return out2;
}

// shared/engine/economic/compute.ts
var EMPTY_F = new Float64Array(0);
var EMPTY_U = new Uint8Array(0);
var EMPTY_DATES = [];
function finite(v) {
  return typeof v === "number" && Number.isFinite(v);
}
function roundHalfAway2(x) {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}
var ModelMap = class {
  constructor(map) {
    this.map = map;
    this.empty = Object.keys(map).length === 0;
  }
  map;
  empty;
  byModel = /* @__PURE__ */ new Map();
  get(model, preset) {
    if (this.empty) return void 0;
    if (preset && this.map[preset.id] !== void 0) return this.map[preset.id];
    if (this.byModel.has(model)) return this.byModel.get(model);
    const k = normaliseModel(model ?? "");
    const v = this.map[k] !== void 0 ? this.map[k] : this.map["*"];
    this.byModel.set(model, v);
    return v;
  }
};
function lookupLotPower(map, id) {
  if (map[id] !== void 0) return map[id];
  const want = normaliseModel(id);
  for (const k of Object.keys(map)) if (normaliseModel(k) === want) return map[k];
  return void 0;
}
var hashF = new Float64Array(1);
var hashU = new Uint32Array(hashF.buffer);
function mix(h, x) {
  hashF[0] = x;
  h = Math.imul(h ^ hashU[0], 2654435761);
  h = Math.imul(h ^ hashU[1], 2246822519);
  return h ^ h >>> 15 | 0;
}
function solveGroup(g, d, paths, slabs, tmp, asOfMonth) {
  const n = g.n;
  const at = g.at;
  const off = g.m0 - paths.first;
  const days = paths.days;
  const W = slabs.W.subarray(at, at + n + 1);
  const S = slabs.S.subarray(at, at + n + 1);
  const margin = slabs.margin.subarray(at, at + n + 1);
  const buyer = tmp.buyer;
  let fixed = null;
  if (g.cls === 0) {
    const a = d.asic;
    const hp = paths.hashprice;
    const revFactor = g.hashrate * a.uptime * (1 - a.poolFee) * 100;
    const kwhPerDay = g.kw * 24 * a.uptime * 100;
    const ownPower = kwhPerDay * g.power;
    const buyerPower = kwhPerDay * d.resale.buyerPowerPriceKwh;
    const step = Math.pow(1 - a.degradation, 1 / 12);
    let deg = 1;
    for (let i = 0; i < n; i++) {
      const k2 = off + i;
      const r = revFactor * deg * hp[k2];
      margin[i] = r - ownPower * days[k2];
      const b = r - buyerPower * days[k2];
      buyer[i] = b > 0 ? b : 0;
      deg *= step;
    }
    g.fixed = 0;
  } else {
    const p = d.gpu;
    const rent = paths.rents.get(rentKey(g));
    const revFactor = g.gpus * 730 * p.utilization * 100;
    const cost = g.kw * p.pue * 730 * g.power * (p.idleFraction + (1 - p.idleFraction) * p.utilization) * 100;
    const f = g.kw * p.coloUsdPerKwMonth * 100 + p.opsPctCapexPerYear * g.unitCost / 12;
    fixed = tmp.fixed;
    for (let i = 0; i < n; i++) {
      const m = revFactor * rent[off + i] - cost;
      margin[i] = m;
      fixed[i] = f;
      buyer[i] = (m > 0 ? m : 0) - f;
    }
    g.fixed = f;
  }
  margin[n] = 0;
  const model = g.cls === 0 ? d.asic.resaleModel : d.gpu.resaleModel;
  const lf = d.resale.liquidationFactor;
  if (model === "cashflow") {
    buyerValue(n === buyer.length ? buyer : buyer.subarray(0, n), d.resale.buyerPaybackMonths, monthlyRate(d.resale.buyerHurdle), S);
    for (let i = 0; i <= n; i++) S[i] *= lf;
  } else {
    const steps = g.cls === 1 ? g.successors : EMPTY_DATES;
    const inService = monthStart(g.m0);
    const keep2 = 1 - d.gpu.successorStep;
    const age = model === "anchor" ? paths.anchorByAge : paths.expByAge;
    for (let i = 0; i <= n; i++) {
      const f = age[i];
      let s2 = 1;
      if (steps.length > 0) {
        const start = monthStart(g.m0 + i);
        for (const e of steps) if (e > inService && e <= start) s2 *= keep2;
      }
      S[i] = g.unitCost * f * s2 * lf;
    }
  }
  const rate = g.cls === 0 ? d.asic.discountRate : d.gpu.discountRate;
  const lives = solveInto(n, margin, fixed, S, monthlyRate(rate), W, tmp.U, tmp.retire);
  g.life = lives & 65535;
  g.opLife = lives >>> 16;
  const op = slabs.op;
  for (let i = 0; i < n; i++) op[at + i] = i < g.life && margin[i] > 0 ? 1 : 0;
  g.w0 = W[0];
  const k = asOfMonth - g.m0;
  g.undiscountedAsOf = k >= 0 && k < n ? tmp.U[k + 1] : 0;
  g.implied = impliedLife(W.subarray(1), g.unitCost, g.unitCost * g.salvagePct / 100);
}
function rentKey(g) {
  return `${g.rent0}|${g.rentDecay}|${g.successors.join(",")}`;
}
function unitsOf(options, id) {
  const u = options?.units;
  if (!u) return void 0;
  const v = u instanceof Map ? u.get(id) : u[id];
  return v && v.length > 0 ? v : void 0;
}
function unmodelled(lot, preset, issue, m0, asOfMonth) {
  return {
    lotId: lot.id,
    assetClass: lot.assetClass,
    model: lot.model,
    presetId: preset?.id,
    modelled: false,
    issue,
    startMonth: m0,
    length: 0,
    initialValue: 0,
    economicValue: EMPTY_F,
    salvageValue: EMPTY_F,
    margin: EMPTY_F,
    fixedCostPerMonth: 0,
    operating: EMPTY_U,
    economicLifeMonths: 0,
    operatingLifeMonths: 0,
    bookNbv: void 0,
    gap: void 0,
    economicDepreciation: EMPTY_F,
    impliedLifeMonths: NaN,
    asOfMonth,
    asOfIndex: -1,
    bookNbvAtAsOf: void 0,
    undiscountedCashFlows: 0,
    recoverabilityImpaired: false,
    ifrsRecoverableAmount: 0,
    ifrsImpaired: false
  };
}
function computeEconomicValues(fleet, books, drivers, options) {
  const asOfMonth = monthIndexOf(drivers.asOf ?? drivers.marketStart);
  const lots = fleet.lots;
  const count = lots.length;
  const groupOf = new Array(count);
  const presetOfLot = new Array(count);
  const issueOf = new Array(count);
  const monthOfLot = new Float64Array(count);
  const presetCache = /* @__PURE__ */ new Map();
  const monthCache = /* @__PURE__ */ new Map();
  const hasLotPower = Object.keys(drivers.powerPriceByLot).length > 0;
  const rentByModel = new ModelMap(drivers.gpu.rentByModel);
  const rentDecayByModel = new ModelMap(drivers.gpu.rentDecayByModel);
  const successorsByModel = new ModelMap(drivers.gpu.successorDates);
  const table = /* @__PURE__ */ new Map();
  const groups = [];
  const rentGroups = /* @__PURE__ */ new Map();
  let first = Infinity;
  let last = -Infinity;
  let groupCells = 0;
  let maxN = 0;
  let anyAsic = false;
  for (let li = 0; li < count; li++) {
    const lot = lots[li];
    groupOf[li] = null;
    let preset = presetCache.get(lot.model);
    if (preset === void 0) {
      preset = findPreset(lot.model ?? "") ?? null;
      presetCache.set(lot.model, preset);
    }
    const p = preset !== null && preset.assetClass === lot.assetClass ? preset : void 0;
    presetOfLot[li] = p;
    let m0 = monthCache.get(lot.inService);
    if (m0 === void 0) {
      m0 = parseLocalDate(lot.inService ?? "") ? monthIndexOf(lot.inService) : NaN;
      monthCache.set(lot.inService, m0);
    }
    monthOfLot[li] = m0;
    if (Number.isNaN(m0)) {
      issueOf[li] = `In Service "${lot.inService}" is not a date`;
      continue;
    }
    if (lot.assetClass !== "ASIC" && lot.assetClass !== "GPU") {
      issueOf[li] = `no market model for class ${lot.assetClass}`;
      continue;
    }
    if (!finite(lot.quantity) || lot.quantity < 0) {
      issueOf[li] = "Quantity is not a number >= 0";
      continue;
    }
    const unitCost = finite(lot.unitCost) ? lot.unitCost : 0;
    const salvagePct = finite(lot.salvagePct) ? lot.salvagePct : 0;
    const power = (hasLotPower ? lookupLotPower(drivers.powerPriceByLot, lot.id) : void 0) ?? (lot.assetClass === "ASIC" ? drivers.asic.powerPriceKwh : drivers.gpu.powerPriceKwh);
    let cls;
    let n;
    let hashrate = 0;
    let kw;
    let gpus = 0;
    let rent0 = 0;
    let rentDecay = 0;
    let successors = EMPTY_DATES;
    if (lot.assetClass === "ASIC") {
      const h2 = finite(lot.hashrateThs) ? lot.hashrateThs : p?.hashrateThs;
      const w = finite(lot.powerW) ? lot.powerW : p?.powerW;
      if (!finite(h2) || h2 <= 0) {
        issueOf[li] = "no Hashrate (TH/s): fill it or use a Model that matches a preset";
        continue;
      }
      if (!finite(w) || w < 0) {
        issueOf[li] = "no Power (W): fill it or use a Model that matches a preset";
        continue;
      }
      cls = 0;
      n = drivers.asic.physicalLifeMonths;
      hashrate = h2;
      kw = w / 1e3;
    } else {
      const presetGpus = p?.gpusPerUnit ?? 8;
      const g2 = finite(lot.gpusPerUnit) ? lot.gpusPerUnit : p ? presetGpus : void 0;
      const w = finite(lot.powerW) ? lot.powerW : p?.powerW !== void 0 && finite(g2) ? p.powerW * g2 / presetGpus : void 0;
      const r = finite(lot.rentPerGpuHour) ? lot.rentPerGpuHour : rentByModel.get(lot.model, p) ?? p?.rentPerGpuHour;
      if (!finite(g2) || g2 <= 0) {
        issueOf[li] = "no GPUs per Unit: fill it or use a Model that matches a preset";
        continue;
      }
      if (!finite(w) || w < 0) {
        issueOf[li] = "no Power (W): fill it or use a Model that matches a preset";
        continue;
      }
      if (!finite(r) || r < 0) {
        issueOf[li] = "no Rent ($/GPU-hr): fill it, use a Model that matches a preset, or set GPU Rent by Model";
        continue;
      }
      cls = 1;
      n = drivers.gpu.physicalLifeMonths;
      gpus = g2;
      kw = w / 1e3;
      rent0 = r;
      rentDecay = rentDecayByModel.get(lot.model, p) ?? drivers.gpu.rentDecay;
      successors = successorsByModel.get(lot.model, p) ?? EMPTY_DATES;
    }
    let h = mix(mix(mix(mix(mix(mix(cls, m0), hashrate), kw), gpus), rent0), rentDecay);
    h = mix(mix(mix(mix(h, power), unitCost), salvagePct), successors.length);
    let g = table.get(h) ?? null;
    const head = g;
    while (g !== null && !(g.cls === cls && g.m0 === m0 && g.n === n && g.hashrate === hashrate && g.kw === kw && g.gpus === gpus && g.rent0 === rent0 && g.rentDecay === rentDecay && g.successors === successors && g.power === power && g.unitCost === unitCost && g.salvagePct === salvagePct)) {
      g = g.next;
    }
    if (g === null) {
      g = {
        cls,
        m0,
        n,
        hashrate,
        kw,
        gpus,
        rent0,
        rentDecay,
        successors,
        power,
        unitCost,
        salvagePct,
        at: groupCells,
        w0: 0,
        fixed: 0,
        life: 0,
        opLife: 0,
        implied: NaN,
        undiscountedAsOf: 0,
        next: head
      };
      table.set(h, g);
      groups.push(g);
      groupCells += n + 1;
      if (n > maxN) maxN = n;
      if (m0 < first) first = m0;
      if (m0 + n > last) last = m0 + n;
      if (cls === 0) anyAsic = true;
      else {
        const rk = rentKey(g);
        if (!rentGroups.has(rk)) rentGroups.set(rk, g);
      }
    }
    groupOf[li] = g;
  }
  const gs = { W: scratchF64(0, groupCells), S: scratchF64(1, groupCells), margin: scratchF64(2, groupCells), op: scratchU8(groupCells) };
  if (groups.length > 0) {
    const length = last - first + 1;
    const days = daysPath(first, length);
    const anchorByAge = new Float64Array(maxN + 1);
    const expByAge = new Float64Array(maxN + 1);
    const yearly = 1 - drivers.resale.exponentialDecay;
    for (let i = 0; i <= maxN; i++) {
      anchorByAge[i] = anchorFactor(drivers.resale.anchor, i);
      expByAge[i] = Math.pow(yearly, i / 12);
    }
    const paths = { first, days, hashprice: anyAsic ? hashpriceMonthPath(drivers, first, length, days) : EMPTY_F, rents: /* @__PURE__ */ new Map(), anchorByAge, expByAge };
    for (const [key, g] of rentGroups) {
      paths.rents.set(key, rentPath(g.rent0, g.rentDecay, drivers.gpu.successorStep, g.successors, drivers.marketStart, first, length));
    }
    const tmp = { fixed: new Float64Array(maxN + 1), buyer: new Float64Array(maxN), U: new Float64Array(maxN + 1), retire: new Uint8Array(maxN + 1) };
    for (const g of groups) solveGroup(g, drivers, paths, gs, tmp, asOfMonth);
  }
  const bookById = /* @__PURE__ */ new Map();
  if (books) for (const b of books) bookById.set(b.lotId, b);
  const result = new Array(count);
  for (let li = 0; li < count; li++) {
    const g = groupOf[li];
    const lot = lots[li];
    result[li] = g ? scaleLot(lot, presetOfLot[li], g, gs, bookById.get(lot.id), unitsOf(options, lot.id), asOfMonth) : unmodelled(lot, presetOfLot[li], issueOf[li], Number.isNaN(monthOfLot[li]) ? 0 : monthOfLot[li], asOfMonth);
  }
  return result;
}
function scaleLot(lot, preset, g, gs, book, units, asOfMonth) {
  const n = g.n;
  const qty = lot.quantity;
  const src = g.at;
  const W = gs.W;
  const S = gs.S;
  const M2 = gs.margin;
  const O = gs.op;
  const ev = takeF64(n);
  const sal = takeF64(n);
  const margin = takeF64(n);
  const op = takeU8(n);
  const dep = takeF64(n);
  const q0 = units ? units[0] : qty;
  const initialValue = roundHalfAway2(W[src] * q0);
  let prev = initialValue;
  if (!units) {
    for (let i = 0; i < n; i++) {
      const v = roundHalfAway2(W[src + i + 1] * qty);
      ev[i] = v;
      sal[i] = roundHalfAway2(S[src + i + 1] * qty);
      margin[i] = roundHalfAway2(M2[src + i] * qty);
      op[i] = qty > 0 ? O[src + i] : 0;
      dep[i] = prev - v;
      prev = v;
    }
  } else {
    const uLast = units.length - 1;
    for (let i = 0; i < n; i++) {
      const q = units[i <= uLast ? i : uLast];
      const v = roundHalfAway2(W[src + i + 1] * q);
      ev[i] = v;
      sal[i] = roundHalfAway2(S[src + i + 1] * q);
      margin[i] = roundHalfAway2(M2[src + i] * q);
      op[i] = q > 0 ? O[src + i] : 0;
      dep[i] = prev - v;
      prev = v;
    }
  }
  let bookNbv;
  let gap;
  if (book) {
    const nb = takeF64(n);
    const gp = takeF64(n);
    const shift = g.m0 - book.startMonth;
    const bl = book.length;
    const cc = book.closingCost;
    const ca = book.closingAccum;
    const lastNbv = bl > 0 ? cc[bl - 1] - ca[bl - 1] : 0;
    for (let i = 0; i < n; i++) {
      const j = i + shift;
      const nbv = j < 0 || bl === 0 ? 0 : j < bl ? cc[j] - ca[j] : lastNbv;
      nb[i] = nbv;
      gp[i] = nbv - ev[i];
    }
    bookNbv = nb;
    gap = gp;
  }
  const k = asOfMonth - g.m0;
  const held = k >= 0 && k < n;
  const qk = held ? units ? units[k < units.length ? k : units.length - 1] : qty : 0;
  const undiscounted = held ? roundHalfAway2(g.undiscountedAsOf * qk) : 0;
  const recoverable = held ? ev[k] : 0;
  const nbvAsOf = held && bookNbv ? bookNbv[k] : void 0;
  return {
    lotId: lot.id,
    assetClass: lot.assetClass,
    model: lot.model,
    presetId: preset?.id,
    modelled: true,
    issue: void 0,
    startMonth: g.m0,
    length: n,
    initialValue,
    economicValue: ev,
    salvageValue: sal,
    margin,
    fixedCostPerMonth: roundHalfAway2(g.fixed * qty),
    operating: op,
    economicLifeMonths: g.life,
    operatingLifeMonths: g.opLife,
    bookNbv,
    gap,
    economicDepreciation: dep,
    impliedLifeMonths: g.implied,
    asOfMonth,
    asOfIndex: held ? k : -1,
    bookNbvAtAsOf: nbvAsOf,
    undiscountedCashFlows: undiscounted,
    recoverabilityImpaired: nbvAsOf !== void 0 && undiscounted < nbvAsOf,
    ifrsRecoverableAmount: recoverable,
    ifrsImpaired: nbvAsOf !== void 0 && recoverable < nbvAsOf
  };
}

// shared/engine/economic/rollup.ts
function keep(filter) {
  if (filter === void 0) return () => true;
  if (typeof filter === "function") return filter;
  if (typeof filter === "string") return (e) => e.assetClass === filter;
  const ids = new Set(filter);
  return (e) => ids.has(e.lotId);
}
function rollupEconomics(list, filter) {
  const pick = keep(filter);
  const lots = [];
  let unmodelled2 = 0;
  let first = Infinity;
  let last = -Infinity;
  let allBooks = true;
  for (const e of list) {
    if (!pick(e)) continue;
    if (!e.modelled || e.length === 0) {
      if (!e.modelled) unmodelled2++;
      continue;
    }
    lots.push(e);
    if (e.startMonth < first) first = e.startMonth;
    if (e.startMonth + e.length > last) last = e.startMonth + e.length;
    if (!e.bookNbv) allBooks = false;
  }
  const length = lots.length === 0 ? 0 : last - first;
  const startMonth = lots.length === 0 ? 0 : first;
  const ev = new Float64Array(length);
  const sal = new Float64Array(length);
  const margin = new Float64Array(length);
  const cash = new Float64Array(length);
  const dep = new Float64Array(length);
  const running = new Float64Array(length);
  const nbv = allBooks && lots.length > 0 ? new Float64Array(length) : void 0;
  const asOf = { economicValue: 0, bookNbv: 0, undiscountedCashFlows: 0, recoverabilityImpairedLots: 0, ifrsImpairedLots: 0, ifrsShortfall: 0 };
  for (const e of lots) {
    const off = e.startMonth - startMonth;
    const n = e.length;
    const a = e.economicValue;
    const s2 = e.salvageValue;
    const m = e.margin;
    const d = e.economicDepreciation;
    const o = e.operating;
    const f = e.fixedCostPerMonth;
    const held = Math.min(e.economicLifeMonths, n);
    for (let i = 0; i < n; i++) {
      const k = off + i;
      ev[k] += a[i];
      sal[k] += s2[i];
      margin[k] += m[i];
      dep[k] += d[i];
      running[k] += o[i];
    }
    for (let i = 0; i < held; i++) cash[off + i] += (o[i] === 1 ? m[i] : 0) - f;
    if (nbv && e.bookNbv) {
      const b = e.bookNbv;
      for (let i = 0; i < n; i++) nbv[off + i] += b[i];
    }
    if (e.asOfIndex >= 0) {
      asOf.economicValue += e.economicValue[e.asOfIndex];
      asOf.undiscountedCashFlows += e.undiscountedCashFlows;
      if (e.bookNbvAtAsOf !== void 0) asOf.bookNbv += e.bookNbvAtAsOf;
      if (e.recoverabilityImpaired) asOf.recoverabilityImpairedLots++;
      if (e.ifrsImpaired) {
        asOf.ifrsImpairedLots++;
        asOf.ifrsShortfall += (e.bookNbvAtAsOf ?? 0) - e.ifrsRecoverableAmount;
      }
    }
  }
  let gap;
  if (nbv) {
    gap = new Float64Array(length);
    for (let k = 0; k < length; k++) gap[k] = nbv[k] - ev[k];
  }
  return {
    startMonth,
    length,
    lots: lots.length,
    unmodelledLots: unmodelled2,
    economicValue: ev,
    salvageValue: sal,
    margin,
    cashFlow: cash,
    economicDepreciation: dep,
    operatingLots: running,
    ...nbv ? { bookNbv: nbv, gap } : {},
    asOf
  };
}
function rollupByClass(list) {
  const out2 = {};
  const classes = new Set(list.map((e) => e.assetClass));
  for (const c of classes) out2[c] = rollupEconomics(list, c);
  return out2;
}

// shared/engine/tax/macrs-pub946.json
var macrs_pub946_default = {
  source: "IRS Publication 946, Appendix A, Tables A-1 to A-5 (GDS, 200% declining balance switching to straight line). Percentages of the depreciable basis by recovery year. Each column was checked against at least two published reproductions of the tables; the IRS hand-adjusted some cells so that columns total 100, so embed these values verbatim rather than recomputing them.",
  note_7yr_q2: "The 7-year column of Table A-3 (mid-quarter, second quarter) could not be checked against two reproductions; its first and last cells (17.85, 3.34) are the published values as recalled, which total 100.00. Re-check before relying on it.",
  half_year: {
    table: "A-1",
    "3": [33.33, 44.45, 14.81, 7.41],
    "5": [20, 32, 19.2, 11.52, 11.52, 5.76],
    "7": [14.29, 24.49, 17.49, 12.49, 8.93, 8.92, 8.93, 4.46]
  },
  mid_quarter: {
    Q1: {
      table: "A-2",
      "3": [58.33, 27.78, 12.35, 1.54],
      "5": [35, 26, 15.6, 11.01, 11.01, 1.38],
      "7": [25, 21.43, 15.31, 10.93, 8.75, 8.74, 8.75, 1.09]
    },
    Q2: {
      table: "A-3",
      "3": [41.67, 38.89, 14.14, 5.3],
      "5": [25, 30, 18, 11.37, 11.37, 4.26],
      "7": [17.85, 23.47, 16.76, 11.97, 8.87, 8.87, 8.87, 3.34]
    },
    Q3: {
      table: "A-4",
      "3": [25, 50, 16.67, 8.33],
      "5": [15, 34, 20.4, 12.24, 11.3, 7.06],
      "7": [10.71, 25.51, 18.22, 13.02, 9.3, 8.85, 8.86, 5.53]
    },
    Q4: {
      table: "A-5",
      "3": [8.33, 61.11, 20.37, 10.19],
      "5": [5, 38, 22.8, 13.68, 10.94, 9.58],
      "7": [3.57, 27.55, 19.68, 14.06, 10.04, 8.73, 8.73, 7.64]
    }
  },
  mid_quarter_test: "Mid-quarter convention applies to all MACRS property placed in service in a tax year when more than 40% of the total depreciable bases of such property (excluding nonresidential real and residential rental property) was placed in service in the last three months of that tax year.",
  class_notes: "Computers and peripheral equipment are 5-year property under GDS. Treating ASIC miners and GPU servers as 5-year property is common practice; the app lets the user choose the class.",
  bonus_depreciation: {
    rule: "Section 168(k). The rate depends on the acquisition date (a written binding contract date counts as acquisition) and the placed-in-service date.",
    tcja_by_placed_in_service_year: { "2017-09-28..2022-12-31": 100, "2023": 80, "2024": 60, "2025": 40, "2026": 20, "2027+": 0 },
    obbba: "Public Law 119-21 (signed 2025-07-04): 100%, permanently, for qualified property acquired after 2025-01-19. For property placed in service in the first tax year ending after 2025-01-19 the taxpayer may elect 40% instead. Property acquired before 2025-01-20 stays on the TCJA schedule above. IRS interim guidance: Notice 2026-11.",
    section_179_2025: "Limit $2,500,000, phase-out from $4,000,000 of qualifying property placed in service (indexed after 2025). From a secondary source; not checked against IRS text."
  }
};

// shared/engine/tax/bonus.ts
var OBBBA_ACQUIRED_AFTER = "2025-01-19";
var TCJA_ACQUIRED_AFTER = "2017-09-27";
var BONUS_ELECTION_40_DRIVER = "bonuselection40";
function parseTiers(table) {
  const tiers = Object.entries(table).map(([key, pct2]) => {
    const range = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(key);
    if (range) return { from: range[1], to: range[2], pct: pct2, label: `${range[1]}..${range[2]}` };
    const year = /^(\d{4})(\+?)$/.exec(key);
    if (!year) throw new Error(`bonus tier key not understood: ${key}`);
    return { from: `${year[1]}-01-01`, to: year[2] ? "9999-12-31" : `${year[1]}-12-31`, pct: pct2, label: year[2] ? `${year[1]} and later` : year[1] };
  });
  return tiers.sort((a, b) => a.from < b.from ? -1 : 1);
}
var TCJA_TIERS = parseTiers(macrs_pub946_default.bonus_depreciation.tcja_by_placed_in_service_year);
function bonusElection40From(assumptions) {
  const v = assumptions.drivers?.[BONUS_ELECTION_40_DRIVER];
  if (typeof v === "number") return v !== 0;
  if (typeof v === "string") return ["1", "true", "yes", "y", "on"].includes(v.trim().toLowerCase());
  return false;
}
function bonusRateFor(lot, options = {}) {
  if (lot.taxClass === "none") return { pct: 0, rule: "tax class none: no tax depreciation" };
  if (lot.bonusPct !== void 0 && lot.bonusPct !== null && Number.isFinite(lot.bonusPct)) {
    const pct2 = Math.min(100, Math.max(0, lot.bonusPct));
    return { pct: pct2, rule: `override: Bonus % ${pct2} set on the lot` };
  }
  const acquired = lot.acquired || lot.inService;
  const pis = lot.inService;
  if (acquired > OBBBA_ACQUIRED_AFTER) {
    if (options.bonusElection40) {
      const cal = { startMonth: options.fiscalYearStartMonth ?? 1 };
      const firstYear = fiscalYearOf(monthIndexOf("2025-01-01"), cal);
      if (fiscalYearOf(monthIndexOf(pis), cal) === firstYear) {
        return { pct: 40, rule: `P.L. 119-21 40% election: acquired ${acquired} (after ${OBBBA_ACQUIRED_AFTER}), placed in service in FY${firstYear}, the first tax year ending after ${OBBBA_ACQUIRED_AFTER}` };
      }
      return { pct: 100, rule: `P.L. 119-21: acquired ${acquired} (after ${OBBBA_ACQUIRED_AFTER}): 100% (the 40% election covers FY${firstYear} only)` };
    }
    return { pct: 100, rule: `P.L. 119-21: acquired ${acquired} (after ${OBBBA_ACQUIRED_AFTER}): 100%` };
  }
  if (acquired <= TCJA_ACQUIRED_AFTER) {
    return { pct: 0, rule: `acquired ${acquired}, on or before ${TCJA_ACQUIRED_AFTER}: pre-TCJA bonus rules are not modelled, 0% (set the lot's Bonus % to override)` };
  }
  for (const t of TCJA_TIERS) {
    if (pis >= t.from && pis <= t.to) {
      return { pct: t.pct, rule: `TCJA: acquired ${acquired} (before 2025-01-20), placed in service ${pis} (${t.label}): ${t.pct}%` };
    }
  }
  return { pct: 0, rule: `placed in service ${pis}, outside the TCJA tiers: 0%` };
}

// shared/engine/tax/intmath.ts
function roundDiv(n, d) {
  const neg = n < 0;
  const a = neg ? -n : n;
  let q = Math.floor(a / d);
  let r = a - q * d;
  if (r < 0) {
    q -= 1;
    r += d;
  } else if (r >= d) {
    q += 1;
    r -= d;
  }
  if (2 * r >= d) q += 1;
  return neg && q !== 0 ? -q : q;
}
function mulDivRound(a, b, d) {
  const p = a * b;
  if (Number.isSafeInteger(p)) return roundDiv(p, d);
  return Number(bigRoundDiv(BigInt(a) * BigInt(b), BigInt(d)));
}
function bigRoundDiv(n, d) {
  const neg = n < 0n;
  const a = neg ? -n : n;
  let q = a / d;
  if (2n * (a % d) >= d) q += 1n;
  return neg ? -q : q;
}
var PCT_SCALE = 1e6;
function centsTimesPct(cents, pct2) {
  if (Number.isInteger(pct2)) return mulDivRound(cents, pct2, 100);
  const x = cents * pct2 / 100;
  const frac = Math.abs(x - Math.trunc(x));
  const tol = Math.max(1e-6, Math.abs(x) * 1e-12);
  if (Math.abs(frac - 0.5) > tol) return x < 0 ? 0 - Math.round(-x) : Math.round(x);
  const scaled = Math.round(pct2 * PCT_SCALE);
  return Number(bigRoundDiv(BigInt(cents) * BigInt(scaled), BigInt(100 * PCT_SCALE)));
}

// shared/engine/tax/columns.ts
var CHUNK_LENGTH2 = 1 << 16;
var chunk2 = new Float64Array(0);
var used2 = 0;
function takeColumn(length) {
  if (length > CHUNK_LENGTH2 >> 3) return new Float64Array(length);
  if (used2 + length > chunk2.length) {
    chunk2 = new Float64Array(CHUNK_LENGTH2);
    used2 = 0;
  }
  const column2 = new Float64Array(chunk2.buffer, used2 * 8, length);
  used2 += length;
  return column2;
}

// shared/engine/tax/tables.ts
var MACRS_SOURCE = macrs_pub946_default.source;
var KEY = { "MACRS-3": "3", "MACRS-5": "5", "MACRS-7": "7" };
var MQ_KEYS = ["Q1", "Q2", "Q3", "Q4"];
function column(table, pct2) {
  const bp = Int32Array.from(pct2, (p) => Math.round(p * 100));
  const cumBp = new Int32Array(bp.length + 1);
  for (let i = 0; i < bp.length; i++) cumBp[i + 1] = cumBp[i] + bp[i];
  return { table, pct: pct2, bp, cumBp };
}
function columns(table, cols) {
  return {
    "MACRS-3": column(table, cols["3"]),
    "MACRS-5": column(table, cols["5"]),
    "MACRS-7": column(table, cols["7"])
  };
}
var HALF_YEAR = columns(macrs_pub946_default.half_year.table, macrs_pub946_default.half_year);
var MID_QUARTER = MQ_KEYS.map((q) => columns(macrs_pub946_default.mid_quarter[q].table, macrs_pub946_default.mid_quarter[q]));
function recoveryPeriodOf(cls) {
  return Number(KEY[cls]);
}
function macrsColumn(cls, convention, quarter) {
  if (convention === "half-year") return HALF_YEAR[cls];
  if (!(quarter >= 1 && quarter <= 4)) throw new Error(`fiscal quarter must be 1..4, got ${quarter}`);
  return MID_QUARTER[quarter - 1][cls];
}
function isMacrsClass(c) {
  return c !== "none";
}

// shared/engine/tax/schedule.ts
function monthOf(date) {
  if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    let ok2 = true;
    for (const i of DIGITS) {
      const c = date.charCodeAt(i);
      if (c < 48 || c > 57) ok2 = false;
    }
    const m = (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48);
    const d = (date.charCodeAt(8) - 48) * 10 + (date.charCodeAt(9) - 48);
    if (ok2 && m >= 1 && m <= 12 && d >= 1 && d <= 28) {
      const y = (date.charCodeAt(0) - 48) * 1e3 + (date.charCodeAt(1) - 48) * 100 + (date.charCodeAt(2) - 48) * 10 + (date.charCodeAt(3) - 48);
      return y * 12 + m - 1;
    }
  }
  return monthIndexOf(date);
}
var DIGITS = [0, 1, 2, 3, 5, 6, 8, 9];
var MQ_LIMIT_NUM = 4;
var MQ_LIMIT_DEN = 10;
function computeTaxSchedules(fleet, options = {}) {
  const cal = { startMonth: fleet.assumptions.fiscalYearStartMonth || 1 };
  const bonusElection40 = options.bonusElection40 ?? bonusElection40From(fleet.assumptions);
  const afterBonus = options.midQuarterTestBasis === "after-bonus";
  const exitsByLot = disposalsByLot(fleet);
  const prepared = [];
  const years = /* @__PURE__ */ new Map();
  for (const lot of fleet.lots) {
    const m0 = monthOf(lot.inService);
    const quantity = Math.max(0, lot.quantity);
    const cost = quantity * lot.unitCost;
    const taxYear = fiscalYearOf(m0, cal);
    const quarter = fiscalQuarterOf(m0, cal);
    const macrs = isMacrsClass(lot.taxClass);
    const section179 = macrs ? Math.min(cost, Math.max(0, Math.round(lot.section179 ?? 0))) : 0;
    const rate = bonusRateFor(lot, { bonusElection40, fiscalYearStartMonth: cal.startMonth });
    const bonus = macrs ? centsTimesPct(cost - section179, rate.pct) : 0;
    const macrsBasis = macrs ? cost - section179 - bonus : 0;
    const exits = clampExits(exitsByLot.get(lot.id), m0, quantity);
    if (macrs && quantity > 0) {
      const firstYearLen = 12 - fiscalMonthPosition(m0, cal);
      let sameYear = 0;
      for (const e of exits) if (e.offset < firstYearLen) sameYear += e.units;
      const base = afterBonus ? macrsBasis : cost - section179;
      const counted = mulDivRound(base, quantity - sameYear, quantity);
      let y = years.get(taxYear);
      if (!y) years.set(taxYear, y = { total: 0, last: 0 });
      y.total += counted;
      if (quarter === 4) y.last += counted;
    }
    const detail = {
      lotId: lot.id,
      taxClass: lot.taxClass,
      cost,
      section179,
      bonusPct: rate.pct,
      bonusRule: rate.rule,
      bonus,
      macrsBasis,
      taxYear,
      quarter,
      convention: null,
      table: null
    };
    let held = quantity;
    let lastExit = -1;
    for (const e of exits) {
      held -= e.units;
      lastExit = Math.max(lastExit, e.offset);
    }
    const allSold = exits.length > 0 && held <= 0;
    const recoveryMonths = macrs ? 12 - fiscalMonthPosition(m0, cal) + 12 * recoveryPeriodOf(lot.taxClass) : 1;
    const length = allSold ? lastExit + 1 : Math.max(recoveryMonths, lastExit + 1);
    prepared.push({ lot, m0, length, allSold, cost, upfront: section179 + bonus, detail, exits });
  }
  const midQuarterTests = [...years.entries()].sort((a, b) => a[0] - b[0]).map(([taxYear, y]) => ({
    taxYear,
    totalBasis: y.total,
    lastQuarterBasis: y.last,
    share: y.total > 0 ? y.last / y.total : 0,
    midQuarter: y.last * MQ_LIMIT_DEN > y.total * MQ_LIMIT_NUM
  }));
  const mqYears = new Set(midQuarterTests.filter((t) => t.midQuarter).map((t) => t.taxYear));
  const schedules = new Array(prepared.length);
  for (let i = 0; i < prepared.length; i++) {
    const p = prepared[i];
    const d = p.detail;
    if (isMacrsClass(d.taxClass)) {
      d.convention = mqYears.has(d.taxYear) ? "mid-quarter" : "half-year";
      const col2 = macrsColumn(d.taxClass, d.convention, d.quarter);
      d.table = col2.table;
      schedules[i] = macrsSchedule(p, col2, d.convention, cal);
    } else {
      schedules[i] = untaxedSchedule(p);
    }
  }
  return { schedules, midQuarterTests, lots: prepared.map((p) => p.detail) };
}
function disposalsByLot(fleet) {
  const map = /* @__PURE__ */ new Map();
  for (const ev of fleet.events) {
    if (ev.type !== "disposal" || !(ev.units > 0)) continue;
    let list = map.get(ev.lotId);
    if (!list) map.set(ev.lotId, list = []);
    list.push({ date: ev.date, units: ev.units, proceeds: ev.proceeds });
  }
  for (const list of map.values()) list.sort((a, b) => a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
  return map;
}
function clampExits(list, m0, quantity) {
  if (!list) return [];
  const out2 = [];
  let held = quantity;
  for (const e of list) {
    const units = Math.min(held, Math.floor(e.units));
    if (units <= 0) continue;
    held -= units;
    out2.push({ offset: Math.max(0, monthOf(e.date) - m0), units, proceeds: e.proceeds });
  }
  return out2;
}
function allocate(lotId, startMonth, length, disposals, depreciates) {
  const zero = zerosF64(length);
  return {
    lotId,
    startMonth,
    length,
    additions: takeColumn(length),
    disposedCost: disposals ? takeColumn(length) : zero,
    closingCost: takeColumn(length),
    depreciation: depreciates ? takeColumn(length) : zero,
    impairment: zero,
    disposedAccum: disposals ? takeColumn(length) : zero,
    closingAccum: depreciates ? takeColumn(length) : zero,
    proceeds: disposals ? takeColumn(length) : zero,
    gainLoss: disposals ? takeColumn(length) : zero,
    flags: zerosU8(length)
  };
}
function spread(dep, amount, start, count) {
  if (amount === 0) return;
  const sign = amount < 0 ? -1 : 1;
  const a = amount * sign;
  const base = Math.floor(a / count);
  const r = a - base * count;
  const twoC = 2 * count;
  let prev = 0;
  for (let k = 1; k <= count; k++) {
    const cur = base * k + Math.floor((2 * r * k + count) / twoC);
    dep[start + k - 1] += (cur - prev) * sign;
    prev = cur;
  }
}
function macrsSchedule(p, col2, convention, cal) {
  const { lot, m0, cost, upfront, exits } = p;
  const basis = p.detail.macrsBasis;
  const quantity = Math.max(0, lot.quantity);
  const years = col2.bp.length;
  const n1 = 12 - fiscalMonthPosition(m0, cal);
  const yearStart = (y) => y === 1 ? 0 : n1 + 12 * (y - 2);
  const yearLen = (y) => y === 1 ? n1 : 12;
  const s2 = allocate(lot.id, m0, p.length, exits.length > 0, true);
  const dep = s2.depreciation;
  if (exits.length === 0) {
    dep[0] += upfront;
    let prevC = 0;
    for (let y = 1; y <= years; y++) {
      const c = mulDivRound(basis, col2.cumBp[y], 1e4);
      spread(dep, c - prevC, yearStart(y), yearLen(y));
      prevC = c;
    }
  } else {
    const q = BigInt(quantity);
    const up = BigInt(upfront) * 10000n;
    const b = BigInt(basis);
    const tranche = (units, exit) => {
      let yExit = Infinity;
      if (exit) yExit = exit.offset < n1 ? 1 : 2 + Math.floor((exit.offset - n1) / 12);
      if (yExit === 1) return 0;
      const n = BigInt(units);
      const cum = (y, fn, fd) => {
        const w = (up + b * BigInt(col2.cumBp[y - 1])) * BigInt(fd) + b * BigInt(col2.bp[y - 1] * fn);
        return Number(bigRoundDiv(n * w, q * BigInt(1e4 * fd)));
      };
      const c0 = Number(bigRoundDiv(n * up, q * 10000n));
      dep[0] += c0;
      let prevC = c0;
      const last = Math.min(years, yExit);
      for (let y = 1; y <= last; y++) {
        let fn = 1;
        let fd = 1;
        let count = yearLen(y);
        if (y === yExit) {
          [fn, fd] = disposalFraction(convention, p.detail.quarter, fiscalQuarterOf(m0 + exit.offset, cal), y === years);
          count = exit.offset - yearStart(y) + 1;
        }
        const c = cum(y, fn, fd);
        spread(dep, c - prevC, yearStart(y), count);
        prevC = c;
      }
      return prevC;
    };
    let rest = quantity;
    for (const e of exits) {
      rest -= e.units;
      const accum = tranche(e.units, e);
      const unitsCost = e.units * lot.unitCost;
      s2.disposedCost[e.offset] += unitsCost;
      s2.disposedAccum[e.offset] += accum;
      s2.proceeds[e.offset] += e.proceeds;
      s2.gainLoss[e.offset] += e.proceeds - (unitsCost - accum);
    }
    if (rest > 0) tranche(rest, null);
  }
  finish(s2, cost, p);
  return s2;
}
function disposalFraction(convention, placedQ, disposedQ, lastYear) {
  if (convention === "half-year") return lastYear ? [1, 1] : [1, 2];
  if (!lastYear) return [2 * disposedQ - 1, 8];
  return disposedQ >= placedQ ? [1, 1] : [2 * disposedQ - 1, 2 * placedQ - 1];
}
function untaxedSchedule(p) {
  const { lot, m0, cost, exits } = p;
  const s2 = allocate(lot.id, m0, p.length, exits.length > 0, false);
  for (const e of exits) {
    const unitsCost = e.units * lot.unitCost;
    s2.disposedCost[e.offset] += unitsCost;
    s2.proceeds[e.offset] += e.proceeds;
    s2.gainLoss[e.offset] += e.proceeds - unitsCost;
  }
  finish(s2, cost, p);
  return s2;
}
function finish(s2, cost, p) {
  s2.additions[0] = cost;
  let c = 0;
  let a = 0;
  const cc = s2.closingCost;
  const ca = s2.closingAccum;
  const writeAccum = !isSharedZero(ca);
  for (let i = 0; i < s2.length; i++) {
    c += s2.additions[i] - s2.disposedCost[i];
    a += s2.depreciation[i] - s2.disposedAccum[i];
    cc[i] = c;
    if (writeAccum) ca[i] = a;
  }
  if (p.allSold) {
    s2.flags = new Uint8Array(s2.length);
    s2.flags[s2.length - 1] = SCHEDULE_FLAG.disposedAll;
  }
}

// shared/report/data.ts
function computeReportData(fleet, options = {}) {
  const calendar = { startMonth: fleet.assumptions.fiscalYearStartMonth };
  const book = computeBookSchedules(fleet);
  const problems = [];
  const notes = [];
  let tax = null;
  if (options.tax !== false) {
    try {
      tax = computeTaxSchedules(fleet);
    } catch (e) {
      notes.push({ topic: "Tax Schedule", text: `not written: the tax book could not be computed (${e instanceof Error ? e.message : String(e)})` });
    }
  }
  let economics = null;
  if (options.economics !== false) {
    const market = marketFromAssumptions(fleet.assumptions);
    if (market.ok) {
      problems.push(...market.value.warnings);
      const lots = computeEconomicValues(fleet, book, market.value, { units: unitsAfterDisposals(fleet) });
      economics = { lots, drivers: market.value };
    } else {
      problems.push(...market.error);
      notes.push({ topic: "Book vs Economic", text: "not written: the market drivers in the Assumptions have problems (listed under Warning)" });
    }
  }
  return { fleet, calendar, book, tax, economics, problems, notes };
}
function unitsAfterDisposals(fleet) {
  const byLot = /* @__PURE__ */ new Map();
  for (const e of fleet.events) {
    if (e.type !== "disposal" || !(e.units > 0)) continue;
    const list = byLot.get(e.lotId) ?? [];
    list.push({ month: monthIndexOf(e.date), units: Math.trunc(e.units) });
    byLot.set(e.lotId, list);
  }
  const out2 = /* @__PURE__ */ new Map();
  if (byLot.size === 0) return out2;
  for (const lot of fleet.lots) {
    const list = byLot.get(lot.id);
    if (!list) continue;
    list.sort((a, b) => a.month - b.month);
    const m0 = monthIndexOf(lot.inService);
    const last = Math.max(0, list[list.length - 1].month - m0);
    const units = new Float64Array(last + 1);
    let held = lot.quantity;
    let next = 0;
    for (let i = 0; i <= last; i++) {
      while (next < list.length && list[next].month - m0 <= i) held -= Math.min(held, list[next++].units);
      units[i] = held;
    }
    out2.set(lot.id, units);
  }
  return out2;
}
function lastActiveIndex(s2) {
  for (let i = s2.length - 1; i > 0; i--) {
    if (s2.depreciation[i] !== 0 || s2.impairment[i] !== 0 || s2.disposedCost[i] !== 0 || s2.proceeds[i] !== 0) return i;
  }
  return 0;
}
function lotFacts(data) {
  const firstEvent = /* @__PURE__ */ new Map();
  const eventCount = /* @__PURE__ */ new Map();
  for (const e of data.fleet.events) {
    eventCount.set(e.lotId, (eventCount.get(e.lotId) ?? 0) + 1);
    if (e.type === "idle") continue;
    const m = monthIndexOf(e.date);
    const known = firstEvent.get(e.lotId);
    if (known === void 0 || m < known) firstEvent.set(e.lotId, m);
  }
  return data.fleet.lots.map((lot, index) => {
    const s2 = data.book[index];
    const m0 = s2.startMonth;
    const cost = roundHalfAway(lot.quantity * lot.unitCost);
    const salvage = Math.min(Math.max(0, percentOfCents(cost, lot.salvagePct)), Math.max(0, cost));
    const e = firstEvent.get(lot.id);
    return {
      index,
      lot,
      m0,
      cost,
      salvage,
      life: Math.max(1, Math.round(lot.lifeMonths)),
      plainStraightLine: lot.method === "SL" && lot.convention === "full-month",
      untouchedMonths: e === void 0 ? Infinity : Math.max(0, e - m0),
      bookLast: lastActiveIndex(s2),
      events: eventCount.get(lot.id) ?? 0
    };
  });
}

// shared/report/fiscal-years.ts
function fiscalYears(firstMonth, lastMonth, calendar) {
  const firstStart = fiscalYearStartMonth(firstMonth, calendar);
  const count = Math.max(1, Math.floor((lastMonth - firstStart) / 12) + 1);
  const labels = [];
  for (let i = 0; i < count; i++) labels.push(fiscalYearLabel(firstStart + 12 * i, calendar));
  return { firstStart, count, labels };
}
function fiscalYearIndex(years, m) {
  return Math.floor((m - years.firstStart) / 12);
}
function emptyYear() {
  return { openingCost: 0, additions: 0, disposedCost: 0, closingCost: 0, openingAccum: 0, depreciation: 0, impairment: 0, disposedAccum: 0, closingAccum: 0, proceeds: 0, gainLoss: 0 };
}
function balanceAt(s2, m) {
  const i = m - s2.startMonth;
  if (i < 0 || s2.length === 0) return [0, 0];
  const j = Math.min(i, s2.length - 1);
  return [s2.closingCost[j], s2.closingAccum[j]];
}
function yearFigures(s2, start, out2) {
  const [oc, oa] = balanceAt(s2, start - 1);
  const [cc, ca] = balanceAt(s2, start + 11);
  out2.openingCost = oc;
  out2.openingAccum = oa;
  out2.closingCost = cc;
  out2.closingAccum = ca;
  out2.additions = out2.disposedCost = out2.depreciation = out2.impairment = out2.disposedAccum = out2.proceeds = out2.gainLoss = 0;
  const from = Math.max(0, start - s2.startMonth);
  const to = Math.min(s2.length - 1, start + 11 - s2.startMonth);
  for (let i = from; i <= to; i++) {
    out2.additions += s2.additions[i];
    out2.disposedCost += s2.disposedCost[i];
    out2.depreciation += s2.depreciation[i];
    out2.impairment += s2.impairment[i];
    out2.disposedAccum += s2.disposedAccum[i];
    out2.proceeds += s2.proceeds[i];
    out2.gainLoss += s2.gainLoss[i];
  }
  return out2;
}
function addYear(into, y) {
  into.openingCost += y.openingCost;
  into.additions += y.additions;
  into.disposedCost += y.disposedCost;
  into.closingCost += y.closingCost;
  into.openingAccum += y.openingAccum;
  into.depreciation += y.depreciation;
  into.impairment += y.impairment;
  into.disposedAccum += y.disposedAccum;
  into.closingAccum += y.closingAccum;
  into.proceeds += y.proceeds;
  into.gainLoss += y.gainLoss;
}
var monthLabels = /* @__PURE__ */ new Map();
function cachedMonthLabel(m) {
  let s2 = monthLabels.get(m);
  if (s2 === void 0) monthLabels.set(m, s2 = monthLabel(m));
  return s2;
}

// shared/report/plan.ts
function planParts(baseName, topRows, sizes, maxRowsPerSheet = EXCEL_MAX_ROWS) {
  const capacity = maxRowsPerSheet - 1;
  if (topRows > capacity) throw new Error(`${baseName}: ${topRows} total rows do not fit in one sheet`);
  const part = new Int32Array(sizes.length);
  const firstRow = new Int32Array(sizes.length);
  const rows = [topRows];
  let p = 0;
  for (let b = 0; b < sizes.length; b++) {
    const n = sizes[b];
    if (n > capacity) throw new Error(`${baseName}: a block of ${n} rows does not fit in one sheet`);
    if (rows[p] + n > capacity) {
      p++;
      rows.push(0);
    }
    part[b] = p;
    firstRow[b] = rows[p] + 2;
    rows[p] += n;
  }
  const names = rows.map((_, i) => i === 0 ? baseName : `${baseName} (${i + 1})`);
  return { names, rows, part, firstRow, topRows };
}
function sumIfsOverParts(plan, column2, criteria) {
  const terms = [];
  plan.names.forEach((name, p) => {
    const first = p === 0 ? plan.topRows + 2 : 2;
    const last = first + plan.rows[p] - (p === 0 ? plan.topRows : 0) - 1;
    if (last < first) return;
    const prefix = p === 0 ? "" : sheetPrefix(name);
    const crit = criteria.map(([c, v]) => `,${prefix}${absRangeRef(c, first, last)},${v}`).join("");
    terms.push(`SUMIFS(${prefix}${absRangeRef(column2, first, last)}${crit})`);
  });
  return terms.length ? terms.join("+") : "0";
}

// shared/report/context.ts
var SHEET_NAMES = {
  summary: "Summary",
  lots: "Lots",
  book: "Book Schedule",
  tax: "Tax Schedule",
  rollforward: "Rollforward",
  economic: "Book vs Economic",
  stress: "Stress",
  audit: "Audit"
};
var LOTS = {
  id: 0,
  assetClass: 1,
  model: 2,
  quantity: 3,
  unitCost: 4,
  cost: 5,
  salvagePct: 6,
  salvage: 7,
  base: 8,
  life: 9,
  method: 10,
  convention: 11,
  inService: 12,
  acquired: 13,
  events: 14,
  taxClass: 15,
  section179: 16,
  bonusPct: 17,
  bonus: 18,
  macrsBasis: 19,
  taxConvention: 20,
  table: 21,
  economicLife: 22,
  impliedLife: 23
};
var BOOK = { id: 0, period: 1, opening: 2, depreciation: 3, impairment: 4, disposals: 5, closing: 6, accumulated: 7 };
var SUMMARY_TAX_RATE = { column: 1, row: 7 };
function buildContext(data, meta, options) {
  const facts = lotFacts(data);
  const wanted = new Set(options.sheets ?? ["summary", "lots", "book", "tax", "rollforward", "economic", "stress", "audit"]);
  wanted.add("audit");
  if (!data.tax) wanted.delete("tax");
  if (!data.economics) wanted.delete("economic");
  wanted.delete("stress");
  const present = new Set(data.fleet.lots.map((l) => l.assetClass));
  const classes = ASSET_CLASSES.filter((c) => present.has(c));
  let firstMonth = Infinity;
  let bookLastMonth = -Infinity;
  let taxLastMonth = -Infinity;
  const taxLast = new Int32Array(facts.length);
  for (const f of facts) {
    firstMonth = Math.min(firstMonth, f.m0);
    bookLastMonth = Math.max(bookLastMonth, f.m0 + f.bookLast);
    if (data.tax) {
      const s2 = data.tax.schedules[f.index];
      taxLast[f.index] = lastActiveIndex(s2);
      taxLastMonth = Math.max(taxLastMonth, s2.startMonth + taxLast[f.index]);
    }
  }
  if (facts.length === 0) firstMonth = bookLastMonth = taxLastMonth = 0;
  const calendar = data.calendar;
  const bookYears = fiscalYears(firstMonth, bookLastMonth, calendar);
  const taxYears = fiscalYears(firstMonth, Math.max(bookLastMonth, taxLastMonth), calendar);
  const sizes = new Int32Array(facts.length);
  for (const f of facts) sizes[f.index] = f.bookLast + 1;
  const bookPlan = planParts(SHEET_NAMES.book, 0, sizes, options.maxRowsPerSheet);
  return {
    data,
    meta,
    facts,
    has: (key) => wanted.has(key),
    classes,
    bookYears,
    taxYears,
    bookPlan,
    taxLast,
    maxRowsPerSheet: options.maxRowsPerSheet
  };
}
function lotsRow(index) {
  return index + 2;
}
function lotsCell(column2, index) {
  return `${sheetPrefix(SHEET_NAMES.lots)}${absRef(column2, lotsRow(index))}`;
}
function bookCell(ctx, f, column2, i) {
  const offset = Math.min(Math.max(0, i), f.bookLast);
  const plan = ctx.bookPlan;
  return `${sheetPrefix(plan.names[plan.part[f.index]])}${col(column2)}${plan.firstRow[f.index] + offset}`;
}
function bookRange(ctx, f, column2, from, to) {
  const a = Math.max(0, from);
  const b = Math.min(f.bookLast, to);
  if (a > b) return null;
  const plan = ctx.bookPlan;
  const first = plan.firstRow[f.index];
  const c = col(column2);
  return `${sheetPrefix(plan.names[plan.part[f.index]])}${c}${first + a}:${c}${first + b}`;
}

// shared/report/sheets/audit.ts
var COLUMNS = [
  { header: "Section", width: 20, format: "text" },
  { header: "Item", width: 36, format: "text" },
  { header: "Value", width: 90, format: "general" }
];
var MAX_LISTED_LOTS = 1e3;
function auditSheet(ctx, sheetNames, notes) {
  const rows = auditRows(ctx, sheetNames, notes);
  return { name: SHEET_NAMES.audit, columns: COLUMNS, headerRow: true, freeze: { rows: 1, columns: 0 }, autoFilter: true, rowCount: rows.length, rows: () => rows };
}
function auditRows(ctx, sheetNames, notes) {
  const rows = [];
  const add = (section, item, value) => rows.push({ cells: [section, item, value] });
  const meta = ctx.meta;
  const fleet = ctx.data.fleet;
  const a = fleet.assumptions;
  add("Report", "Application", `Fleetbook ${meta.appVersion}`);
  add("Report", "App Version", meta.appVersion);
  add("Report", "Exported At", meta.exportedAt);
  add("Report", "Input File", meta.sourceName);
  add("Report", "Input SHA-256", meta.sourceSha256);
  add("Report", "Input Size (bytes)", meta.sourceSize);
  add("Report", "Scenario", meta.scenario ?? "Base (no scenario)");
  add("Report", "Sheets", sheetNames.join(", "));
  add("Report", "Lots", fleet.lots.length);
  add("Report", "Events", fleet.events.length);
  add("Report", "Money", "Amounts in the currency below, two decimals; the app computes in integer cents.");
  add("Assumption", "Company", a.company);
  add("Assumption", "Currency", a.currency);
  add("Assumption", "Fiscal Year Start Month", a.fiscalYearStartMonth);
  add("Assumption", "As Of", a.asOf ?? "(not set)");
  add("Assumption", "Horizon (months)", a.horizonMonths);
  add("Assumption", "Tax Rate %", a.taxRatePct);
  add("Assumption", "Discount Rate %", a.discountRatePct);
  const given = /* @__PURE__ */ new Set();
  for (const [key, value] of Object.entries(a.drivers)) {
    given.add(key);
    add("Assumption", driverDef(key)?.label ?? key, value);
  }
  for (const d of DRIVER_DEFS) {
    if (d.field !== void 0 || given.has(d.key)) continue;
    if (d.default !== null) add("Assumption (default)", d.label, d.default);
    else if (d.fallback) add("Assumption (default)", d.label, `as ${d.fallback}`);
  }
  const names = [...new Set(fleet.scenarios.map((s2) => s2.scenario))];
  add("Scenario", "In Force", meta.scenario ?? "Base (no scenario)");
  add("Scenario", "In the File", names.length ? names.join(", ") : "(none)");
  for (const o of meta.scenarioOverrides) add("Scenario Override", `${o.scenario}: ${o.key}`, o.value);
  const tax = ctx.data.tax;
  if (tax) {
    for (const t of tax.midQuarterTests) {
      const share = (t.share * 100).toFixed(1);
      add(
        "Tax",
        `Mid-quarter test FY${t.taxYear}`,
        `${share}% of the year's MACRS basis placed in service in the last quarter (${formatCentsPlain(t.lastQuarterBasis)} of ${formatCentsPlain(t.totalBasis)}): ${t.midQuarter ? "mid-quarter" : "half-year"} convention`
      );
    }
  }
  for (const p of [...meta.warnings, ...ctx.data.problems]) add("Warning", p.cell ? `${p.sheet}!${p.cell}` : p.sheet, p.message);
  for (const n of notes) add("Note", n.topic, n.text);
  const econ = ctx.data.economics;
  if (econ && ctx.has("economic")) {
    const unmodelled2 = econ.lots.filter((e) => !e.modelled);
    unmodelled2.forEach((e, i) => {
      if (i < MAX_LISTED_LOTS) add("Note", "Book vs Economic", `lot ${e.lotId} has no economic value: ${e.issue ?? "no market model"}`);
    });
    if (unmodelled2.length > MAX_LISTED_LOTS) add("Note", "Book vs Economic", `and ${unmodelled2.length - MAX_LISTED_LOTS} more lots without an economic value`);
  }
  return rows;
}

// shared/report/exact.ts
function dollars(cents) {
  return cents === 0 ? 0 : cents / 100;
}
var MAX_FORMULA_CENTS = 1e11;
function isHalfTie(n, d) {
  if (d % 2 !== 0) return false;
  const twoN = 2 * n;
  if (Number.isSafeInteger(twoN)) return Math.abs(twoN % (2 * d)) === d;
  const r = 2n * BigInt(n) % (2n * BigInt(d));
  return (r < 0n ? -r : r) === BigInt(d);
}
function straightLineCumulative(base, k, life) {
  const n = base * k;
  return { cents: roundHalfAway(n / life), exact: Number.isSafeInteger(n) && Math.abs(base) < MAX_FORMULA_CENTS && !isHalfTie(n, life) };
}
function percentFormulaExact(cents, pct2, expected) {
  if (!Number.isFinite(pct2) || !Number.isSafeInteger(cents) || Math.abs(cents) >= MAX_FORMULA_CENTS) return false;
  if (Number.isInteger(pct2)) {
    const n = cents * pct2;
    return Number.isSafeInteger(n) && !isHalfTie(n, 100) && roundHalfAway(n / 100) === expected;
  }
  const x = cents * pct2 / 100;
  const frac = Math.abs(x - Math.trunc(x));
  const tolerance = Math.max(1e-6, Math.abs(x) * 1e-12);
  return Math.abs(frac - 0.5) > tolerance && roundHalfAway(x) === expected;
}

// shared/report/sheets/book-schedule.ts
var BOOK_COLUMNS = [
  { header: "Lot ID", width: 14, format: "text" },
  { header: "Period", width: 9, format: "text" },
  { header: "Opening NBV", width: 16, format: "money" },
  { header: "Depreciation", width: 14, format: "money" },
  { header: "Impairment", width: 14, format: "money" },
  { header: "Disposals", width: 14, format: "money" },
  { header: "Closing NBV", width: 16, format: "money" },
  { header: "Accumulated Depreciation", width: 16, format: "money" }
];
function bookScheduleSheets(ctx) {
  const plan = ctx.bookPlan;
  const idWidth = Math.min(40, Math.max(14, ...ctx.facts.slice(0, 1e4).map((f) => f.lot.id.length + 2)));
  const columns2 = BOOK_COLUMNS.map((c, i) => i === BOOK.id ? { ...c, width: idWidth } : c);
  return plan.names.map((name, part) => ({
    name,
    columns: columns2,
    headerRow: true,
    freeze: { rows: 1, columns: 2 },
    autoFilter: true,
    rowCount: plan.rows[part],
    rows: () => bookRows(ctx, part)
  }));
}
function* bookRows(ctx, part) {
  const plan = ctx.bookPlan;
  const withLots = ctx.has("lots");
  const cells = new Array(BOOK_COLUMNS.length).fill(null);
  const row = { cells };
  const fOpening = { formula: "", result: 0 };
  const fDepreciation = { formula: "", result: 0 };
  const fClosing = { formula: "", result: 0 };
  const fAccumulated = { formula: "", result: 0 };
  const formula = (cell, text, result) => {
    cell.formula = text;
    cell.result = result;
    return cell;
  };
  const [C, D, E, F, G, H] = [BOOK.opening, BOOK.depreciation, BOOK.impairment, BOOK.disposals, BOOK.closing, BOOK.accumulated].map(col);
  for (const f of ctx.facts) {
    if (plan.part[f.index] !== part) continue;
    const s2 = ctx.data.book[f.index];
    const first = plan.firstRow[f.index];
    const sl = withLots ? straightLineFormula(f) : null;
    const costRef = withLots ? lotsCell(LOTS.cost, f.index) : null;
    let prevNbv = 0;
    let prevAccum = 0;
    for (let i = 0; i <= f.bookLast; i++) {
      const r = first + i;
      const rs = String(r);
      const ps = String(r - 1);
      const m = s2.startMonth + i;
      const additions = s2.additions[i];
      const dep = s2.depreciation[i];
      const imp = s2.impairment[i];
      const disposals = s2.disposedCost[i] - s2.disposedAccum[i];
      const accum = s2.closingAccum[i];
      const closing = s2.closingCost[i] - accum;
      const opening = prevNbv + additions;
      cells[BOOK.id] = f.lot.id;
      cells[BOOK.period] = cachedMonthLabel(m);
      cells[BOOK.opening] = i === 0 ? costRef !== null && additions === f.cost ? formula(fOpening, costRef, dollars(opening)) : dollars(opening) : additions === 0 ? formula(fOpening, G + ps, dollars(opening)) : dollars(opening);
      const depFormula = sl !== null && i < f.untouchedMonths ? sl(i, dep, prevAccum, ps) : void 0;
      cells[BOOK.depreciation] = depFormula !== void 0 ? formula(fDepreciation, depFormula, dollars(dep)) : dollars(dep);
      cells[BOOK.impairment] = dollars(imp);
      cells[BOOK.disposals] = dollars(disposals);
      cells[BOOK.closing] = formula(fClosing, "ROUND(" + C + rs + "-" + D + rs + "-" + E + rs + "-" + F + rs + ",2)", dollars(closing));
      cells[BOOK.accumulated] = s2.disposedAccum[i] === 0 ? formula(fAccumulated, i === 0 ? "ROUND(" + D + rs + "+" + E + rs + ",2)" : "ROUND(" + H + ps + "+" + D + rs + "+" + E + rs + ",2)", dollars(accum)) : dollars(accum);
      prevNbv = closing;
      prevAccum = accum;
      yield row;
    }
  }
}
var ACCUMULATED = col(BOOK.accumulated);
function straightLineFormula(f) {
  if (!f.plainStraightLine) return null;
  const base = f.cost - f.salvage;
  if (base <= 0) return null;
  const baseRef = lotsCell(LOTS.base, f.index);
  const lifeRef = lotsCell(LOTS.life, f.index);
  const life = f.life;
  return (i, engineCents, accumBefore, prevRow) => {
    const k = i + 1;
    if (k > life) return void 0;
    const through = straightLineCumulative(base, k, life);
    if (!through.exact || through.cents - accumBefore !== engineCents) return void 0;
    if (k === 1) return "ROUND(" + baseRef + "/" + lifeRef + ",2)";
    return "ROUND(ROUND(" + baseRef + "*" + k + "/" + lifeRef + ",2)-" + ACCUMULATED + prevRow + ",2)";
  };
}

// shared/report/sheets/book-vs-economic.ts
var ECON = { id: 0, period: 1, bookNbv: 2, economicValue: 3, gap: 4, economicLife: 5 };
var COLUMNS2 = [
  { header: "Lot ID", width: 14, format: "text" },
  { header: "Period", width: 9, format: "text" },
  { header: "Book NBV", width: 16, format: "money" },
  { header: "Economic Value", width: 16, format: "money" },
  { header: "Gap", width: 16, format: "money" },
  { header: "Economic Life (months)", width: 10, format: "integer" }
];
function economicPlan(ctx) {
  const lots = ctx.data.economics.lots;
  const sizes = new Int32Array(ctx.facts.length);
  for (const f of ctx.facts) sizes[f.index] = lots[f.index].modelled ? lots[f.index].length : 0;
  return planParts(SHEET_NAMES.economic, 0, sizes, ctx.maxRowsPerSheet);
}
function bookVsEconomicSheets(ctx, plan) {
  const idWidth = Math.min(40, Math.max(14, ...ctx.facts.slice(0, 1e4).map((f) => f.lot.id.length + 2)));
  const columns2 = COLUMNS2.map((c, i) => i === ECON.id ? { ...c, width: idWidth } : c);
  return plan.names.map((name, part) => ({
    name,
    columns: columns2,
    headerRow: true,
    freeze: { rows: 1, columns: 2 },
    autoFilter: true,
    rowCount: plan.rows[part],
    rows: () => econRows(ctx, plan, part)
  }));
}
function* econRows(ctx, plan, part) {
  const lots = ctx.data.economics.lots;
  const withBook = ctx.has("book");
  const cells = new Array(COLUMNS2.length).fill(null);
  const row = { cells };
  const fBook = { formula: "", result: 0 };
  const fGap = { formula: "", result: 0 };
  const C = col(ECON.bookNbv);
  const D = col(ECON.economicValue);
  for (const f of ctx.facts) {
    const e = lots[f.index];
    if (!e.modelled || e.length === 0 || plan.part[f.index] !== part) continue;
    const book = ctx.data.book[f.index];
    let r = plan.firstRow[f.index];
    for (let i = 0; i < e.length; i++, r++) {
      const m = e.startMonth + i;
      const nbv = e.bookNbv ? e.bookNbv[i] : 0;
      const ev = e.economicValue[i];
      cells[ECON.id] = f.lot.id;
      cells[ECON.period] = cachedMonthLabel(m);
      const bookOffset = m - book.startMonth;
      if (withBook && e.bookNbv && bookOffset >= 0) {
        fBook.formula = bookCell(ctx, f, BOOK.closing, bookOffset);
        fBook.result = dollars(nbv);
        cells[ECON.bookNbv] = fBook;
      } else cells[ECON.bookNbv] = dollars(nbv);
      cells[ECON.economicValue] = dollars(ev);
      const rs = String(r);
      fGap.formula = "ROUND(" + C + rs + "-" + D + rs + ",2)";
      fGap.result = dollars(nbv - ev);
      cells[ECON.gap] = fGap;
      cells[ECON.economicLife] = e.economicLifeMonths;
      yield row;
    }
  }
}

// shared/report/sheets/lots.ts
var COLUMNS3 = [
  { header: "Lot ID", width: 14, format: "text" },
  { header: "Class", width: 7, format: "text" },
  { header: "Model", width: 18, format: "text" },
  { header: "Quantity", width: 10, format: "integer" },
  { header: "Unit Cost", width: 14, format: "money" },
  { header: "Cost", width: 16, format: "money" },
  { header: "Salvage %", width: 10, format: "percent" },
  { header: "Salvage", width: 14, format: "money" },
  { header: "Depreciable Base", width: 16, format: "money" },
  { header: "Book Life (months)", width: 10, format: "integer" },
  { header: "Method", width: 8, format: "text" },
  { header: "Convention", width: 12, format: "text" },
  { header: "In Service", width: 11, format: "date" },
  { header: "Acquired", width: 11, format: "date" },
  { header: "Events", width: 8, format: "integer" },
  { header: "Tax Class", width: 10, format: "text" },
  { header: "Section 179", width: 14, format: "money" },
  { header: "Bonus %", width: 9, format: "percent" },
  { header: "Bonus", width: 14, format: "money" },
  { header: "MACRS Basis", width: 16, format: "money" },
  { header: "Tax Convention", width: 12, format: "text" },
  { header: "Pub 946 Table", width: 14, format: "text" },
  { header: "Economic Life (months)", width: 10, format: "integer" },
  { header: "Implied Life (months)", width: 10, format: "integer" }
];
function excelSerial(date) {
  const [y, m, d] = date.split("-").map(Number);
  return Date.UTC(y, m - 1, d) / 864e5 + 25569;
}
function lotsSheet(ctx) {
  const idWidth = Math.min(40, Math.max(14, ...ctx.facts.slice(0, 1e4).map((f) => f.lot.id.length + 2)));
  return {
    name: SHEET_NAMES.lots,
    columns: COLUMNS3.map((c, i) => i === LOTS.id ? { ...c, width: idWidth } : c),
    headerRow: true,
    freeze: { rows: 1, columns: 1 },
    autoFilter: true,
    rowCount: ctx.facts.length,
    rows: () => lotRows(ctx)
  };
}
function* lotRows(ctx) {
  const tax = ctx.data.tax;
  const econ = ctx.data.economics?.lots;
  for (const f of ctx.facts) {
    const lot = f.lot;
    const r = f.index + 2;
    const cells = new Array(COLUMNS3.length).fill(null);
    cells[LOTS.id] = lot.id;
    cells[LOTS.assetClass] = lot.assetClass;
    cells[LOTS.model] = lot.model;
    cells[LOTS.quantity] = lot.quantity;
    cells[LOTS.unitCost] = dollars(lot.unitCost);
    const costExact = Number.isInteger(lot.quantity) && Number.isInteger(lot.unitCost) && Math.abs(f.cost) < MAX_FORMULA_CENTS;
    cells[LOTS.cost] = costExact ? { formula: `ROUND(${ref(LOTS.quantity, r)}*${ref(LOTS.unitCost, r)},2)`, result: dollars(f.cost) } : dollars(f.cost);
    cells[LOTS.salvagePct] = lot.salvagePct;
    const salvageExact = lot.salvagePct >= 0 && lot.salvagePct <= 100 && percentFormulaExact(f.cost, lot.salvagePct, f.salvage);
    cells[LOTS.salvage] = salvageExact ? { formula: `ROUND(${ref(LOTS.cost, r)}*${ref(LOTS.salvagePct, r)}/100,2)`, result: dollars(f.salvage) } : dollars(f.salvage);
    cells[LOTS.base] = { formula: round2(`${ref(LOTS.cost, r)}-${ref(LOTS.salvage, r)}`), result: dollars(f.cost - f.salvage) };
    cells[LOTS.life] = f.life;
    cells[LOTS.method] = lot.method;
    cells[LOTS.convention] = lot.convention;
    cells[LOTS.inService] = excelSerial(lot.inService);
    cells[LOTS.acquired] = lot.acquired ? excelSerial(lot.acquired) : null;
    cells[LOTS.events] = f.events;
    cells[LOTS.taxClass] = lot.taxClass;
    const d = tax?.lots[f.index];
    if (d) {
      cells[LOTS.section179] = dollars(d.section179);
      cells[LOTS.bonusPct] = d.bonusPct;
      const macrs = d.convention !== null;
      const bonusBase = d.cost - d.section179;
      cells[LOTS.bonus] = macrs && d.cost === f.cost && percentFormulaExact(bonusBase, d.bonusPct, d.bonus) ? { formula: `ROUND((${ref(LOTS.cost, r)}-${ref(LOTS.section179, r)})*${ref(LOTS.bonusPct, r)}/100,2)`, result: dollars(d.bonus) } : dollars(d.bonus);
      cells[LOTS.macrsBasis] = macrs && d.cost === f.cost ? { formula: round2(`${ref(LOTS.cost, r)}-${ref(LOTS.section179, r)}-${ref(LOTS.bonus, r)}`), result: dollars(d.macrsBasis) } : dollars(d.macrsBasis);
      cells[LOTS.taxConvention] = d.convention;
      cells[LOTS.table] = d.table;
    }
    const e = econ?.[f.index];
    if (e && e.modelled) {
      cells[LOTS.economicLife] = e.economicLifeMonths;
      cells[LOTS.impliedLife] = Number.isFinite(e.impliedLifeMonths) ? e.impliedLifeMonths : null;
    }
    yield { cells };
  }
}

// shared/report/sheets/rollforward.ts
var ROLL = {
  fiscalYear: 0,
  level: 1,
  assetClass: 2,
  id: 3,
  openingCost: 4,
  additions: 5,
  disposedCost: 6,
  closingCost: 7,
  openingAccum: 8,
  depreciation: 9,
  impairment: 10,
  disposedAccum: 11,
  closingAccum: 12,
  openingNbv: 13,
  closingNbv: 14,
  proceeds: 15,
  gainLoss: 16,
  costTie: 17,
  accumTie: 18,
  nbvTie: 19
};
var COLUMNS4 = [
  { header: "Fiscal Year", width: 9, format: "text" },
  { header: "Level", width: 7, format: "text" },
  { header: "Class", width: 7, format: "text" },
  { header: "Lot ID", width: 14, format: "text" },
  { header: "Opening Cost", width: 16, format: "money" },
  { header: "Additions", width: 16, format: "money" },
  { header: "Disposed Cost", width: 14, format: "money" },
  { header: "Closing Cost", width: 16, format: "money" },
  { header: "Opening Accumulated", width: 16, format: "money" },
  { header: "Depreciation", width: 16, format: "money" },
  { header: "Impairment", width: 14, format: "money" },
  { header: "Disposed Accumulated", width: 14, format: "money" },
  { header: "Closing Accumulated", width: 16, format: "money" },
  { header: "Opening NBV", width: 16, format: "money" },
  { header: "Closing NBV", width: 16, format: "money" },
  { header: "Proceeds", width: 14, format: "money" },
  { header: "Gain (Loss)", width: 14, format: "money" },
  { header: "Cost Tie", width: 10, format: "money" },
  { header: "Accumulated Tie", width: 10, format: "money" },
  { header: "NBV Tie", width: 10, format: "money" }
];
var SUMMED = [
  [ROLL.openingCost, "openingCost"],
  [ROLL.additions, "additions"],
  [ROLL.disposedCost, "disposedCost"],
  [ROLL.closingCost, "closingCost"],
  [ROLL.openingAccum, "openingAccum"],
  [ROLL.depreciation, "depreciation"],
  [ROLL.impairment, "impairment"],
  [ROLL.disposedAccum, "disposedAccum"],
  [ROLL.closingAccum, "closingAccum"],
  [ROLL.proceeds, "proceeds"],
  [ROLL.gainLoss, "gainLoss"]
];
function rollforwardLayout(ctx) {
  const years = ctx.bookYears;
  const n = years.count;
  const classes = ctx.classes;
  const fleet = Array.from({ length: n }, emptyYear);
  const byClass = new Map(classes.map((c) => [c, Array.from({ length: n }, emptyYear)]));
  const classFirst = new Map(classes.map((c) => [c, n]));
  const firstYear = new Int32Array(ctx.facts.length);
  const sizes = new Int32Array(ctx.facts.length);
  const y = emptyYear();
  for (const f of ctx.facts) {
    const s2 = ctx.data.book[f.index];
    const first = fiscalYearIndex(years, f.m0);
    firstYear[f.index] = first;
    sizes[f.index] = n - first;
    classFirst.set(f.lot.assetClass, Math.min(classFirst.get(f.lot.assetClass), first));
    const own = byClass.get(f.lot.assetClass);
    for (let j = first; j < n; j++) {
      yearFigures(s2, years.firstStart + 12 * j, y);
      addYear(fleet[j], y);
      addYear(own[j], y);
    }
  }
  const totals = [];
  const fleetRows = [];
  for (let j = 0; j < n; j++) {
    fleetRows.push(totals.length + 2);
    totals.push({ year: j, assetClass: null, figures: fleet[j] });
    for (const c of classes) if (j >= classFirst.get(c)) totals.push({ year: j, assetClass: c, figures: byClass.get(c)[j] });
  }
  const plan = planParts(SHEET_NAMES.rollforward, totals.length, sizes, ctx.maxRowsPerSheet);
  return { plan, totals, fleetRow: (j) => fleetRows[j], firstYear };
}
function rollforwardSheets(ctx, layout) {
  const idWidth = Math.min(40, Math.max(14, ...ctx.facts.slice(0, 1e4).map((f) => f.lot.id.length + 2)));
  const columns2 = COLUMNS4.map((c, i) => i === ROLL.id ? { ...c, width: idWidth } : c);
  return layout.plan.names.map((name, part) => ({
    name,
    columns: columns2,
    headerRow: true,
    freeze: { rows: 1, columns: 4 },
    autoFilter: true,
    rowCount: layout.plan.rows[part],
    rows: () => part === 0 ? withTotals(ctx, layout) : lotRows2(ctx, layout, part)
  }));
}
function* withTotals(ctx, layout) {
  yield* totalRows(ctx, layout);
  yield* lotRows2(ctx, layout, 0);
}
function* totalRows(ctx, layout) {
  const labels = ctx.bookYears.labels;
  let r = 2;
  for (const t of layout.totals) {
    const f = t.figures;
    const cells = new Array(COLUMNS4.length).fill(null);
    cells[ROLL.fiscalYear] = labels[t.year];
    cells[ROLL.level] = t.assetClass === null ? "Fleet" : "Class";
    cells[ROLL.assetClass] = t.assetClass ?? "All";
    const criteria = [[ROLL.fiscalYear, `$${ref(ROLL.fiscalYear, r)}`]];
    if (t.assetClass !== null) criteria.push([ROLL.assetClass, `$${ref(ROLL.assetClass, r)}`]);
    for (const [c, key] of SUMMED) cells[c] = { formula: round2(sumIfsOverParts(layout.plan, c, criteria)), result: dollars(f[key]) };
    tieCells(cells, r, f);
    cells[ROLL.nbvTie] = null;
    yield { cells, emphasis: t.assetClass === null ? "total" : void 0 };
    r++;
  }
}
function tieCells(cells, r, f) {
  cells[ROLL.openingNbv] = { formula: round2(`${ref(ROLL.openingCost, r)}-${ref(ROLL.openingAccum, r)}`), result: dollars(f.openingCost - f.openingAccum) };
  cells[ROLL.closingNbv] = { formula: round2(`${ref(ROLL.closingCost, r)}-${ref(ROLL.closingAccum, r)}`), result: dollars(f.closingCost - f.closingAccum) };
  cells[ROLL.costTie] = {
    formula: `ROUND(${ref(ROLL.openingCost, r)}+${ref(ROLL.additions, r)}-${ref(ROLL.disposedCost, r)}-${ref(ROLL.closingCost, r)},2)`,
    result: dollars(f.openingCost + f.additions - f.disposedCost - f.closingCost)
  };
  cells[ROLL.accumTie] = {
    formula: `ROUND(${ref(ROLL.openingAccum, r)}+${ref(ROLL.depreciation, r)}+${ref(ROLL.impairment, r)}-${ref(ROLL.disposedAccum, r)}-${ref(ROLL.closingAccum, r)},2)`,
    result: dollars(f.openingAccum + f.depreciation + f.impairment - f.disposedAccum - f.closingAccum)
  };
}
function* lotRows2(ctx, layout, part) {
  const years = ctx.bookYears;
  const plan = layout.plan;
  const withBook = ctx.has("book");
  const withLots = ctx.has("lots");
  const y = emptyYear();
  for (const f of ctx.facts) {
    if (plan.part[f.index] !== part) continue;
    const s2 = ctx.data.book[f.index];
    const first = layout.firstYear[f.index];
    let r = plan.firstRow[f.index];
    for (let j = first; j < years.count; j++, r++) {
      const start = years.firstStart + 12 * j;
      yearFigures(s2, start, y);
      const from = start - f.m0;
      const to = from + 11;
      const cells = new Array(COLUMNS4.length).fill(null);
      cells[ROLL.fiscalYear] = years.labels[j];
      cells[ROLL.level] = "Lot";
      cells[ROLL.assetClass] = f.lot.assetClass;
      cells[ROLL.id] = f.lot.id;
      cells[ROLL.openingCost] = j === first ? dollars(y.openingCost) : { formula: ref(ROLL.closingCost, r - 1), result: dollars(y.openingCost) };
      cells[ROLL.additions] = j === first && withLots && y.additions === f.cost ? { formula: lotsCell(LOTS.cost, f.index), result: dollars(y.additions) } : dollars(y.additions);
      cells[ROLL.disposedCost] = dollars(y.disposedCost);
      cells[ROLL.closingCost] = dollars(y.closingCost);
      cells[ROLL.openingAccum] = j === first ? dollars(y.openingAccum) : { formula: ref(ROLL.closingAccum, r - 1), result: dollars(y.openingAccum) };
      const depRange = withBook ? bookRange(ctx, f, BOOK.depreciation, from, to) : null;
      cells[ROLL.depreciation] = depRange ? { formula: round2(`SUM(${depRange})`), result: dollars(y.depreciation) } : dollars(y.depreciation);
      const impRange = withBook ? bookRange(ctx, f, BOOK.impairment, from, to) : null;
      cells[ROLL.impairment] = impRange ? { formula: round2(`SUM(${impRange})`), result: dollars(y.impairment) } : dollars(y.impairment);
      cells[ROLL.disposedAccum] = dollars(y.disposedAccum);
      cells[ROLL.closingAccum] = dollars(y.closingAccum);
      cells[ROLL.proceeds] = dollars(y.proceeds);
      cells[ROLL.gainLoss] = dollars(y.gainLoss);
      tieCells(cells, r, y);
      cells[ROLL.nbvTie] = withBook ? { formula: `ROUND(${ref(ROLL.closingNbv, r)}-${bookCell(ctx, f, BOOK.closing, to)},2)`, result: dollars(y.closingCost - y.closingAccum - nbvAt(ctx, f.index, to)) } : null;
      yield { cells };
    }
  }
}
function nbvAt(ctx, index, i) {
  const s2 = ctx.data.book[index];
  const j = Math.min(Math.max(0, i), ctx.facts[index].bookLast);
  return s2.closingCost[j] - s2.closingAccum[j];
}

// shared/report/sheets/tax-schedule.ts
var TAX = {
  taxYear: 0,
  level: 1,
  assetClass: 2,
  id: 3,
  taxClass: 4,
  convention: 5,
  openingNbv: 6,
  additions: 7,
  depreciation: 8,
  disposals: 9,
  closingNbv: 10,
  bookNbv: 11,
  difference: 12,
  deferredTax: 13,
  deferredTaxChange: 14,
  gainLoss: 15
};
var COLUMNS5 = [
  { header: "Tax Year", width: 9, format: "text" },
  { header: "Level", width: 7, format: "text" },
  { header: "Class", width: 7, format: "text" },
  { header: "Lot ID", width: 14, format: "text" },
  { header: "Tax Class", width: 9, format: "text" },
  { header: "Convention", width: 11, format: "text" },
  { header: "Opening Tax NBV", width: 16, format: "money" },
  { header: "Additions", width: 16, format: "money" },
  { header: "Tax Depreciation", width: 16, format: "money" },
  { header: "Disposals", width: 14, format: "money" },
  { header: "Closing Tax NBV", width: 16, format: "money" },
  { header: "Book NBV", width: 16, format: "money" },
  { header: "Temporary Difference", width: 16, format: "money" },
  { header: "Deferred Tax", width: 14, format: "money" },
  { header: "Deferred Tax Change", width: 14, format: "money" },
  { header: "Tax Gain (Loss)", width: 14, format: "money" }
];
var SUMMED2 = [
  [TAX.openingNbv, "openingNbv"],
  [TAX.additions, "additions"],
  [TAX.depreciation, "depreciation"],
  [TAX.disposals, "disposals"],
  [TAX.closingNbv, "closingNbv"],
  [TAX.bookNbv, "bookNbv"],
  [TAX.deferredTax, "deferredTax"],
  [TAX.deferredTaxChange, "deferredTaxChange"],
  [TAX.gainLoss, "gainLoss"]
];
function emptyTaxYear() {
  return { openingNbv: 0, additions: 0, depreciation: 0, disposals: 0, closingNbv: 0, bookNbv: 0, difference: 0, deferredTax: 0, deferredTaxChange: 0, gainLoss: 0 };
}
function* lotTaxYears(ctx, index, first) {
  const years = ctx.taxYears;
  const tax = ctx.data.tax.schedules[index];
  const book = ctx.data.book[index];
  const rate = ctx.data.fleet.assumptions.taxRatePct;
  const y = emptyYear();
  const b = emptyYear();
  let previousTax = 0;
  for (let j = first; j < years.count; j++) {
    const start = years.firstStart + 12 * j;
    yearFigures(tax, start, y);
    yearFigures(book, start, b);
    const t = emptyTaxYear();
    t.openingNbv = y.openingCost - y.openingAccum;
    t.additions = y.additions;
    t.depreciation = y.depreciation + y.impairment;
    t.disposals = y.disposedCost - y.disposedAccum;
    t.closingNbv = y.closingCost - y.closingAccum;
    t.bookNbv = b.closingCost - b.closingAccum;
    t.difference = t.bookNbv - t.closingNbv;
    t.deferredTax = centsTimesPct(t.difference, rate);
    t.deferredTaxChange = t.deferredTax - previousTax;
    t.gainLoss = y.gainLoss;
    previousTax = t.deferredTax;
    yield t;
  }
}
function taxLayout(ctx) {
  const years = ctx.taxYears;
  const n = years.count;
  const classes = ctx.classes;
  const fleet = Array.from({ length: n }, emptyTaxYear);
  const byClass = new Map(classes.map((c) => [c, Array.from({ length: n }, emptyTaxYear)]));
  const classFirst = new Map(classes.map((c) => [c, n]));
  const firstYear = new Int32Array(ctx.facts.length);
  const sizes = new Int32Array(ctx.facts.length);
  for (const f of ctx.facts) {
    const first = fiscalYearIndex(years, f.m0);
    firstYear[f.index] = first;
    sizes[f.index] = n - first;
    classFirst.set(f.lot.assetClass, Math.min(classFirst.get(f.lot.assetClass), first));
    const own = byClass.get(f.lot.assetClass);
    let j = first;
    for (const t of lotTaxYears(ctx, f.index, first)) {
      for (const [, key] of SUMMED2) {
        fleet[j][key] += t[key];
        own[j][key] += t[key];
      }
      j++;
    }
  }
  for (const list of [fleet, ...byClass.values()]) for (const t of list) t.difference = t.bookNbv - t.closingNbv;
  const totals = [];
  const fleetRows = [];
  for (let j = 0; j < n; j++) {
    fleetRows.push(totals.length + 2);
    totals.push({ year: j, assetClass: null, figures: fleet[j] });
    for (const c of classes) if (j >= classFirst.get(c)) totals.push({ year: j, assetClass: c, figures: byClass.get(c)[j] });
  }
  const plan = planParts(SHEET_NAMES.tax, totals.length, sizes, ctx.maxRowsPerSheet);
  return { plan, totals, fleetRow: (j) => fleetRows[j], firstYear };
}
function taxScheduleSheets(ctx, layout) {
  const idWidth = Math.min(40, Math.max(14, ...ctx.facts.slice(0, 1e4).map((f) => f.lot.id.length + 2)));
  const columns2 = COLUMNS5.map((c, i) => i === TAX.id ? { ...c, width: idWidth } : c);
  return layout.plan.names.map((name, part) => ({
    name,
    columns: columns2,
    headerRow: true,
    freeze: { rows: 1, columns: 4 },
    autoFilter: true,
    rowCount: layout.plan.rows[part],
    rows: () => part === 0 ? withTotals2(ctx, layout) : lotRows3(ctx, layout, part)
  }));
}
function* withTotals2(ctx, layout) {
  yield* totalRows2(ctx, layout);
  yield* lotRows3(ctx, layout, 0);
}
function* totalRows2(ctx, layout) {
  const labels = ctx.taxYears.labels;
  let r = 2;
  for (const t of layout.totals) {
    const f = t.figures;
    const cells = new Array(COLUMNS5.length).fill(null);
    cells[TAX.taxYear] = labels[t.year];
    cells[TAX.level] = t.assetClass === null ? "Fleet" : "Class";
    cells[TAX.assetClass] = t.assetClass ?? "All";
    const criteria = [[TAX.taxYear, `$${ref(TAX.taxYear, r)}`]];
    if (t.assetClass !== null) criteria.push([TAX.assetClass, `$${ref(TAX.assetClass, r)}`]);
    for (const [c, key] of SUMMED2) cells[c] = { formula: round2(sumIfsOverParts(layout.plan, c, criteria)), result: dollars(f[key]) };
    cells[TAX.difference] = { formula: round2(`${ref(TAX.bookNbv, r)}-${ref(TAX.closingNbv, r)}`), result: dollars(f.difference) };
    yield { cells, emphasis: t.assetClass === null ? "total" : void 0 };
    r++;
  }
}
function* lotRows3(ctx, layout, part) {
  const years = ctx.taxYears;
  const plan = layout.plan;
  const details = ctx.data.tax.lots;
  const withBook = ctx.has("book");
  const withLots = ctx.has("lots");
  const rate = ctx.data.fleet.assumptions.taxRatePct;
  const rateRef = ctx.has("summary") ? `${sheetPrefix(SHEET_NAMES.summary)}${absRef(SUMMARY_TAX_RATE.column, SUMMARY_TAX_RATE.row)}` : null;
  for (const f of ctx.facts) {
    if (plan.part[f.index] !== part) continue;
    const d = details[f.index];
    const first = layout.firstYear[f.index];
    let r = plan.firstRow[f.index];
    let j = first;
    for (const t of lotTaxYears(ctx, f.index, first)) {
      const yearEnd = years.firstStart + 12 * j + 11 - f.m0;
      const cells = new Array(COLUMNS5.length).fill(null);
      cells[TAX.taxYear] = years.labels[j];
      cells[TAX.level] = "Lot";
      cells[TAX.assetClass] = f.lot.assetClass;
      cells[TAX.id] = f.lot.id;
      cells[TAX.taxClass] = d.taxClass;
      cells[TAX.convention] = d.convention ?? "";
      cells[TAX.openingNbv] = j === first ? dollars(t.openingNbv) : { formula: ref(TAX.closingNbv, r - 1), result: dollars(t.openingNbv) };
      cells[TAX.additions] = j === first && withLots && t.additions === f.cost ? { formula: lotsCell(LOTS.cost, f.index), result: dollars(t.additions) } : dollars(t.additions);
      cells[TAX.depreciation] = dollars(t.depreciation);
      cells[TAX.disposals] = dollars(t.disposals);
      cells[TAX.closingNbv] = {
        formula: round2(`${ref(TAX.openingNbv, r)}+${ref(TAX.additions, r)}-${ref(TAX.depreciation, r)}-${ref(TAX.disposals, r)}`),
        result: dollars(t.closingNbv)
      };
      cells[TAX.bookNbv] = withBook ? { formula: bookCell(ctx, f, BOOK.closing, yearEnd), result: dollars(t.bookNbv) } : dollars(t.bookNbv);
      cells[TAX.difference] = { formula: round2(`${ref(TAX.bookNbv, r)}-${ref(TAX.closingNbv, r)}`), result: dollars(t.difference) };
      cells[TAX.deferredTax] = rateRef !== null && percentFormulaExact(t.difference, rate, t.deferredTax) ? { formula: `ROUND(${ref(TAX.difference, r)}*${rateRef}/100,2)`, result: dollars(t.deferredTax) } : dollars(t.deferredTax);
      cells[TAX.deferredTaxChange] = j === first ? { formula: ref(TAX.deferredTax, r), result: dollars(t.deferredTaxChange) } : { formula: round2(`${ref(TAX.deferredTax, r)}-${ref(TAX.deferredTax, r - 1)}`), result: dollars(t.deferredTaxChange) };
      cells[TAX.gainLoss] = dollars(t.gainLoss);
      yield { cells };
      r++;
      j++;
    }
  }
}

// shared/report/sheets/summary.ts
var COLUMNS6 = [
  { header: "", width: 30, format: "general" },
  { header: "", width: 18, format: "general" },
  { header: "", width: 16, format: "general" },
  { header: "", width: 18, format: "general" },
  { header: "", width: 18, format: "general" },
  { header: "", width: 18, format: "general" },
  { header: "", width: 18, format: "general" },
  { header: "", width: 18, format: "general" }
];
var M = "money";
var I = "integer";
function summarySheet(ctx, roll, tax) {
  const rows = summaryRows(ctx, roll, tax);
  return { name: SHEET_NAMES.summary, columns: COLUMNS6, headerRow: false, autoFilter: false, rowCount: rows.length, rows: () => rows };
}
function summaryRows(ctx, roll, tax) {
  const a = ctx.data.fleet.assumptions;
  const meta = ctx.meta;
  const rows = [];
  const add = (row) => rows.push(row);
  add({ cells: [`Fleetbook report${a.company ? `: ${a.company}` : ""}`], emphasis: "title" });
  add({ cells: [] });
  add({ cells: ["Company", a.company] });
  add({ cells: ["Currency", a.currency] });
  add({ cells: ["Fiscal Year Start Month", a.fiscalYearStartMonth], formats: [void 0, I] });
  add({ cells: ["As Of", a.asOf ?? "(not set)"] });
  if (rows.length + 1 !== SUMMARY_TAX_RATE.row) throw new Error("Summary layout: the tax rate row moved");
  add({ cells: ["Tax Rate %", a.taxRatePct], formats: [void 0, "percent"] });
  add({ cells: ["Discount Rate %", a.discountRatePct], formats: [void 0, "percent"] });
  add({ cells: ["Scenario", meta.scenario ?? "Base (no scenario)"] });
  add({ cells: ["Input File", meta.sourceName] });
  add({ cells: ["Exported", meta.exportedAt] });
  add({ cells: [] });
  add({ cells: ["Class", "Lots", "Units", "Cost", "Salvage", "Depreciable Base"], emphasis: "header" });
  const n = ctx.facts.length;
  const withLots = ctx.has("lots") && n > 0;
  const lots = sheetPrefix(SHEET_NAMES.lots);
  const lotCol = (c) => `${lots}${absRangeRef(c, 2, n + 1)}`;
  const firstClassRow = rows.length + 1;
  for (const c of ctx.classes) {
    const r = rows.length + 1;
    let count = 0;
    let units = 0;
    let cost = 0;
    let salvage = 0;
    for (const f of ctx.facts) {
      if (f.lot.assetClass !== c) continue;
      count++;
      units += f.lot.quantity;
      cost += f.cost;
      salvage += f.salvage;
    }
    const crit = `${lotCol(LOTS.assetClass)},$${ref(0, r)}`;
    add({
      cells: withLots ? [
        c,
        { formula: `COUNTIF(${crit})`, result: count },
        { formula: `SUMIF(${crit},${lotCol(LOTS.quantity)})`, result: units },
        { formula: round2(`SUMIF(${crit},${lotCol(LOTS.cost)})`), result: dollars(cost) },
        { formula: round2(`SUMIF(${crit},${lotCol(LOTS.salvage)})`), result: dollars(salvage) },
        { formula: round2(`SUMIF(${crit},${lotCol(LOTS.base)})`), result: dollars(cost - salvage) }
      ] : [c, count, units, dollars(cost), dollars(salvage), dollars(cost - salvage)],
      formats: [void 0, I, I, M, M, M]
    });
  }
  totalRow(rows, firstClassRow, 5, [I, I, M, M, M], ctx.facts.length, ctx.facts.reduce((s2, f) => s2 + f.lot.quantity, 0), [
    ctx.facts.reduce((s2, f) => s2 + f.cost, 0),
    ctx.facts.reduce((s2, f) => s2 + f.salvage, 0),
    ctx.facts.reduce((s2, f) => s2 + f.cost - f.salvage, 0)
  ]);
  add({ cells: [] });
  add({ cells: ["Fiscal Year", "Depreciation", "Impairment", "Closing Cost", "Closing Accumulated", "Closing NBV", "Tax Depreciation", "Deferred Tax"], emphasis: "header" });
  const withRoll = ctx.has("rollforward");
  const withTax = ctx.has("tax") && tax !== null;
  const rollSheet = sheetPrefix(SHEET_NAMES.rollforward);
  const taxSheet = sheetPrefix(SHEET_NAMES.tax);
  roll.totals.forEach((t) => {
    if (t.assetClass !== null) return;
    const j = t.year;
    const f = t.figures;
    const rr = roll.fleetRow(j);
    const pick = (column2, cents) => withRoll ? { formula: `${rollSheet}${ref(column2, rr)}`, result: dollars(cents) } : dollars(cents);
    const taxTotal = tax?.totals.find((x) => x.assetClass === null && x.year === j);
    const taxPick = (column2, cents) => cents === void 0 ? null : withTax ? { formula: `${taxSheet}${ref(column2, tax.fleetRow(j))}`, result: dollars(cents) } : dollars(cents);
    add({
      cells: [
        ctx.bookYears.labels[j],
        pick(ROLL.depreciation, f.depreciation),
        pick(ROLL.impairment, f.impairment),
        pick(ROLL.closingCost, f.closingCost),
        pick(ROLL.closingAccum, f.closingAccum),
        pick(ROLL.closingNbv, f.closingCost - f.closingAccum),
        taxPick(TAX.depreciation, taxTotal?.figures.depreciation),
        taxPick(TAX.deferredTax, taxTotal?.figures.deferredTax)
      ],
      formats: [void 0, M, M, M, M, M, M, M]
    });
  });
  const econ = ctx.data.economics;
  if (econ) {
    add({ cells: [] });
    const asOf = monthLabel(monthIndexOf(econ.drivers.asOf ?? econ.drivers.marketStart));
    add({ cells: [`Value at ${asOf}`, "Lots Modelled", "Book NBV", "Economic Value", "Gap", "US GAAP Recoverability Flags", "IFRS Impairment Flags"], emphasis: "header" });
    const byClass = rollupByClass(econ.lots);
    const first = rows.length + 1;
    let count = 0;
    for (const c of ctx.classes) {
      const x = byClass[c];
      if (!x) continue;
      const r = rows.length + 1;
      add({
        cells: [c, x.lots, dollars(x.asOf.bookNbv), dollars(x.asOf.economicValue), { formula: round2(`${ref(2, r)}-${ref(3, r)}`), result: dollars(x.asOf.bookNbv - x.asOf.economicValue) }, x.asOf.recoverabilityImpairedLots, x.asOf.ifrsImpairedLots],
        formats: [void 0, I, M, M, M, I, I]
      });
      count++;
    }
    const all = rollupEconomics(econ.lots);
    if (count > 0) {
      const r = rows.length + 1;
      const sum = (c, result, money) => ({ formula: money ? round2(`SUM(${ref(c, first)}:${ref(c, r - 1)})`) : `SUM(${ref(c, first)}:${ref(c, r - 1)})`, result });
      add({
        cells: ["Total", sum(1, all.lots, false), sum(2, dollars(all.asOf.bookNbv), true), sum(3, dollars(all.asOf.economicValue), true), { formula: round2(`${ref(2, r)}-${ref(3, r)}`), result: dollars(all.asOf.bookNbv - all.asOf.economicValue) }, sum(5, all.asOf.recoverabilityImpairedLots, false), sum(6, all.asOf.ifrsImpairedLots, false)],
        formats: [void 0, I, M, M, M, I, I],
        emphasis: "total"
      });
    }
  }
  return rows;
}
function totalRow(rows, first, columns2, formats, count, units, money) {
  const r = rows.length + 1;
  const results = [count, units, ...money.map(dollars)];
  const cells = ["Total"];
  for (let c = 1; c <= columns2; c++) {
    const sum = `SUM(${ref(c, first)}:${ref(c, r - 1)})`;
    cells.push(r > first ? { formula: formats[c - 1] === "money" ? round2(sum) : sum, result: results[c - 1] } : results[c - 1]);
  }
  rows.push({ cells, formats: [void 0, ...formats], emphasis: "total" });
}

// shared/report/model.ts
function buildReportModel(data, meta, options = {}) {
  const ctx = buildContext(data, meta, options);
  const roll = rollforwardLayout(ctx);
  const tax = data.tax ? taxLayout(ctx) : null;
  const sheets = [];
  const included = [];
  const use = (key, made) => {
    sheets.push(...made);
    included.push(key);
  };
  if (ctx.has("summary")) use("summary", [summarySheet(ctx, roll, tax)]);
  if (ctx.has("lots")) use("lots", [lotsSheet(ctx)]);
  if (ctx.has("book")) use("book", bookScheduleSheets(ctx));
  if (ctx.has("tax") && tax) use("tax", taxScheduleSheets(ctx, tax));
  if (ctx.has("rollforward")) use("rollforward", rollforwardSheets(ctx, roll));
  if (ctx.has("economic") && data.economics) use("economic", bookVsEconomicSheets(ctx, economicPlan(ctx)));
  const notes = [
    { topic: SHEET_NAMES.stress, text: "not available in this version" },
    {
      topic: "Formulas",
      text: "Live formulas: Lots cost, salvage, depreciable base, bonus and MACRS basis; Book Schedule opening and closing NBV, accumulated depreciation, and straight-line full-month depreciation before any event (ROUND(base*k/L,2)-ROUND(base*(k-1)/L,2), the engine's cumulative rounding); Rollforward and Tax Schedule balances, totals (SUMIFS of the lot rows) and ties; deferred tax; gaps. Every formula carries the app's result. Declining balance, SYD, the other conventions, months from an event on, tax depreciation and economic values are the app's figures as values. A formula is written only where a spreadsheet gives the app's cents exactly (no half-cent ties)."
    },
    { topic: "Rows", text: "Lots in file order, then periods. A lot stays in the Rollforward and Tax Schedule until the last fiscal year of the table." },
    ...data.notes
  ];
  for (const [key, topic] of [["book", SHEET_NAMES.book], ["tax", SHEET_NAMES.tax], ["rollforward", SHEET_NAMES.rollforward], ["economic", SHEET_NAMES.economic]]) {
    const parts = sheets.filter((s2) => s2.name === topic || s2.name.startsWith(`${topic} (`)).length;
    if (parts > 1 && included.includes(key)) notes.push({ topic, text: `split over ${parts} sheets (${topic} to ${topic} (${parts})): a sheet holds at most ${options.maxRowsPerSheet ?? 1048576} rows` });
  }
  const names = [...sheets.map((s2) => s2.name), SHEET_NAMES.audit];
  sheets.push(auditSheet(ctx, names, notes));
  included.push("audit");
  for (const s2 of sheets) if (!isValidSheetName(s2.name)) throw new Error(`invalid sheet name: ${s2.name}`);
  return { sheets, included, notes };
}

// shared/workbook/normalise.ts
function normaliseKey(s2) {
  const text = /^[\x20-\x7e]*$/.test(s2) ? s2 : s2.normalize("NFKC");
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

// shared/report/scenario.ts
var FIXED_KEYS = {
  taxrate: "taxRatePct",
  taxratepct: "taxRatePct",
  taxratepercent: "taxRatePct",
  discountrate: "discountRatePct",
  discountratepct: "discountRatePct",
  discountratepercent: "discountRatePct",
  fiscalyearstartmonth: "fiscalYearStartMonth",
  fiscalyearstart: "fiscalYearStartMonth",
  fystartmonth: "fiscalYearStartMonth",
  asof: "asOf",
  asofdate: "asOf",
  valuationdate: "asOf",
  reportingdate: "asOf",
  horizonmonths: "horizonMonths",
  horizon: "horizonMonths",
  company: "company",
  companyname: "company",
  currency: "currency"
};
var LIFE_MONTHS = /* @__PURE__ */ new Set(["booklifemonths", "lifemonths", "usefullifemonths"]);
var LIFE_YEARS = /* @__PURE__ */ new Set(["booklifeyears", "lifeyears", "usefullifeyears"]);
var SALVAGE = /* @__PURE__ */ new Set(["salvage", "salvagepct", "salvagepercent"]);
function scenarioNames(fleet) {
  const seen = /* @__PURE__ */ new Map();
  for (const s2 of fleet.scenarios) if (!seen.has(normaliseKey(s2.scenario))) seen.set(normaliseKey(s2.scenario), s2.scenario);
  return [...seen.values()];
}
function asNumber(v) {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  const n = Number(v.replace(/[,\s$%]/g, ""));
  return v.trim() !== "" && Number.isFinite(n) ? n : null;
}
function applyScenario(fleet, name) {
  const want = normaliseKey(name);
  const overrides = fleet.scenarios.filter((s2) => normaliseKey(s2.scenario) === want);
  if (overrides.length === 0) {
    const names = scenarioNames(fleet);
    return { ok: false, error: [{ sheet: "Scenarios", message: `there is no scenario named "${name}"${names.length ? ` (the file has: ${names.join(", ")})` : " (the file has no scenarios)"}` }] };
  }
  const problems = [];
  let assumptions = { ...fleet.assumptions, drivers: { ...fleet.assumptions.drivers } };
  let lots = fleet.lots;
  const lotEdits = [];
  for (const o of overrides) {
    const key = normaliseKey(o.key);
    const bad = (why) => problems.push({ sheet: "Scenarios", message: `scenario "${o.scenario}", key "${o.key}": ${why}` });
    const fixed = FIXED_KEYS[key];
    if (fixed) {
      if (fixed === "company" || fixed === "currency") assumptions = { ...assumptions, [fixed]: String(o.value) };
      else if (fixed === "asOf") {
        if (typeof o.value === "string" && isLocalDate(o.value)) assumptions = { ...assumptions, asOf: o.value };
        else bad("As Of needs a yyyy-mm-dd date");
      } else {
        const n = asNumber(o.value);
        if (n === null) bad(`${String(o.value)} is not a number`);
        else if (fixed === "fiscalYearStartMonth" && !(Number.isInteger(n) && n >= 1 && n <= 12)) bad("the fiscal year start month is 1 to 12");
        else if (fixed === "horizonMonths" && !(Number.isInteger(n) && n >= 1 && n <= 600)) bad("the horizon is 1 to 600 months");
        else assumptions = { ...assumptions, [fixed]: n };
      }
      continue;
    }
    const lotKey = lotOverride(key);
    if (lotKey) {
      const n = asNumber(o.value);
      if (n === null) {
        bad(`${String(o.value)} is not a number`);
        continue;
      }
      const months = lotKey.field === "lifeYears" ? Math.round(n * 12) : n;
      if (lotKey.field !== "salvagePct" && !(Number.isInteger(months) && months >= 1 && months <= 600)) {
        bad("a book life is 1 to 600 whole months");
        continue;
      }
      if (lotKey.field === "salvagePct" && !(n >= 0 && n <= 100)) {
        bad("Salvage % is 0 to 100");
        continue;
      }
      const match = (lot) => lotKey.assetClass === null || lot.assetClass === lotKey.assetClass;
      lotEdits.push(lotKey.field === "salvagePct" ? (lot) => match(lot) ? { ...lot, salvagePct: n } : lot : (lot) => match(lot) ? { ...lot, lifeMonths: months } : lot);
      continue;
    }
    if (driverDef(key)) {
      assumptions = withDriver(assumptions, key, o.value);
      continue;
    }
    bad("not an assumption, a market driver, or a life or salvage override this version can apply");
  }
  if (problems.length) return { ok: false, error: problems };
  if (lotEdits.length) lots = lots.map((lot) => lotEdits.reduce((l, edit) => edit(l), lot));
  return { ok: true, value: { fleet: { ...fleet, assumptions, lots }, name: overrides[0].scenario, overrides } };
}
function lotOverride(key) {
  for (const c of [null, ...ASSET_CLASSES]) {
    const prefix = c === null ? "" : normaliseKey(c);
    if (!key.startsWith(prefix)) continue;
    const rest = key.slice(prefix.length);
    if (LIFE_MONTHS.has(rest)) return { field: "lifeMonths", assetClass: c };
    if (LIFE_YEARS.has(rest)) return { field: "lifeYears", assetClass: c };
    if (SALVAGE.has(rest)) return { field: "salvagePct", assetClass: c };
  }
  return null;
}

// shared/report/types.ts
function isFormula(v) {
  return typeof v === "object" && v !== null;
}

// electron/host/errors.ts
var UserFacingError = class extends Error {
  constructor(message, code = "io") {
    super(message);
    this.code = code;
    this.name = "UserFacingError";
  }
  code;
};
function codeOf(e) {
  return typeof e === "object" && e !== null && "code" in e ? String(e.code) : void 0;
}
function ioMessage(e, action, where) {
  switch (codeOf(e)) {
    case "ENOSPC":
    case "EDQUOT":
      return `Could not ${action}: the disk is full. The file on disk was not changed.`;
    case "EACCES":
    case "EPERM":
      return `Could not ${action}: permission denied in ${where}. The file on disk was not changed.`;
    case "EROFS":
      return `Could not ${action}: ${where} is on a read-only disk. The file on disk was not changed.`;
    case "EBUSY":
      return `Could not ${action}: the file is in use by another program. Close it there and try again.`;
    case "ENOENT":
      return `Could not ${action}: ${where} does not exist.`;
    case "ENOTDIR":
      return `Could not ${action}: part of ${where} is not a folder.`;
    case "EISDIR":
      return `Could not ${action}: ${where} is a folder.`;
    default:
      return `Could not ${action}: ${e instanceof Error ? e.message : String(e)}`;
  }
}

// electron/host/report/zip.ts
import { once } from "node:events";
import { constants, crc32, createDeflateRaw } from "node:zlib";
var LIMIT = 4294967295;
var FLAG_DESCRIPTOR = 8;
var FLAG_UTF8 = 2048;
var METHOD_DEFLATE = 8;
var VERSION = 20;
var ZipTooLargeError = class extends Error {
  constructor() {
    super("the report is larger than 4 GiB, which this writer does not support");
    this.name = "ZipTooLargeError";
  }
};
function dosTime(d) {
  return {
    time: d.getUTCHours() << 11 | d.getUTCMinutes() << 5 | Math.floor(d.getUTCSeconds() / 2),
    date: Math.max(0, d.getUTCFullYear() - 1980) << 9 | d.getUTCMonth() + 1 << 5 | d.getUTCDate()
  };
}
var ZipWriter = class {
  constructor(out2, options = {}) {
    this.out = out2;
    this.level = options.level ?? constants.Z_DEFAULT_COMPRESSION;
    this.stamp = dosTime(options.modified ?? /* @__PURE__ */ new Date());
    out2.on("error", (e) => this.failure ??= e);
  }
  out;
  offset = 0;
  entries = [];
  failure = null;
  open = false;
  stamp;
  level;
  async raw(bytes) {
    this.check();
    this.offset += bytes.length;
    if (this.offset > LIMIT) throw new ZipTooLargeError();
    if (!this.out.write(bytes)) await this.drained();
  }
  async drained() {
    if (this.out.writableNeedDrain) await once(this.out, "drain");
    this.check();
  }
  check() {
    if (this.failure) throw this.failure;
  }
  /** Start an entry (one at a time). */
  async entry(name) {
    if (this.open) throw new Error("zip: the previous entry is still open");
    this.open = true;
    const nameBytes = Buffer.from(name, "utf8");
    const offset = this.offset;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(67324752, 0);
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(FLAG_DESCRIPTOR | FLAG_UTF8, 6);
    header.writeUInt16LE(METHOD_DEFLATE, 8);
    header.writeUInt16LE(this.stamp.time, 10);
    header.writeUInt16LE(this.stamp.date, 12);
    header.writeUInt16LE(nameBytes.length, 26);
    header.writeUInt16LE(0, 28);
    await this.raw(Buffer.concat([header, nameBytes]));
    const deflate = createDeflateRaw({ level: this.level, memLevel: 9, chunkSize: 1 << 18 });
    let crc = 0;
    let size = 0;
    let compressed = 0;
    let deflateError = null;
    deflate.on("error", (e) => deflateError ??= e);
    deflate.on("data", (chunk3) => {
      compressed += chunk3.length;
      this.offset += chunk3.length;
      if (!this.out.write(chunk3)) {
        deflate.pause();
        this.out.once("drain", () => deflate.resume());
      }
    });
    const ended = once(deflate, "end");
    ended.catch(() => void 0);
    return {
      write: (chunk3) => new Promise((resolve, reject) => {
        this.check();
        if (deflateError) throw deflateError;
        crc = crc32(chunk3, crc);
        size += chunk3.length;
        if (size > LIMIT) throw new ZipTooLargeError();
        deflate.write(chunk3, (e) => e ? reject(e) : resolve());
      }),
      close: async () => {
        deflate.end();
        await ended;
        if (deflateError) throw deflateError;
        this.check();
        if (this.offset > LIMIT) throw new ZipTooLargeError();
        const descriptor = Buffer.alloc(16);
        descriptor.writeUInt32LE(134695760, 0);
        descriptor.writeUInt32LE(crc >>> 0, 4);
        descriptor.writeUInt32LE(compressed, 8);
        descriptor.writeUInt32LE(size, 12);
        this.open = false;
        await this.raw(descriptor);
        this.entries.push({ name: nameBytes, crc: crc >>> 0, compressed, size, offset, ...this.stamp });
      }
    };
  }
  /** A whole entry at once. */
  async add(name, content) {
    const e = await this.entry(name);
    await e.write(typeof content === "string" ? Buffer.from(content, "utf8") : content);
    await e.close();
  }
  /** The central directory and its end record; the caller then ends the output stream. */
  async finish() {
    if (this.open) throw new Error("zip: an entry is still open");
    const start = this.offset;
    const parts = [];
    for (const e of this.entries) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(33639248, 0);
      h.writeUInt16LE(VERSION, 4);
      h.writeUInt16LE(VERSION, 6);
      h.writeUInt16LE(FLAG_DESCRIPTOR | FLAG_UTF8, 8);
      h.writeUInt16LE(METHOD_DEFLATE, 10);
      h.writeUInt16LE(e.time, 12);
      h.writeUInt16LE(e.date, 14);
      h.writeUInt32LE(e.crc, 16);
      h.writeUInt32LE(e.compressed, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      h.writeUInt32LE(e.offset, 42);
      parts.push(h, e.name);
    }
    const directory = Buffer.concat(parts);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(101010256, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(start, 16);
    if (this.entries.length > 65535) throw new ZipTooLargeError();
    await this.raw(Buffer.concat([directory, end]));
  }
};

// electron/host/report/xlsx-writer.ts
var NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
var NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
var NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
var REL_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
var XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
var SINK_BYTES = 1 << 20;
var SINK_BUFFERS = 3;
var EMPHASES = ["plain", "total", "header", "title"];
var FORMATS = ["money", "general", "text", "integer", "decimal", "percent", "date"];
var CUSTOM_FORMATS = [
  { id: 164, code: "#,##0.00;(#,##0.00)" },
  { id: 165, code: "yyyy-mm-dd" }
];
var NUM_FMT_ID = { general: 0, text: 49, money: 164, integer: 3, decimal: 4, percent: 0, date: 165 };
var EMPHASIS_STYLE = {
  plain: { font: 0, fill: 0, border: 0, wrap: false },
  total: { font: 1, fill: 0, border: 0, wrap: false },
  header: { font: 1, fill: 2, border: 1, wrap: true },
  title: { font: 2, fill: 0, border: 0, wrap: false }
};
function styleIndex(format, emphasis) {
  return 1 + EMPHASES.indexOf(emphasis) * FORMATS.length + FORMATS.indexOf(format);
}
function stylesXml() {
  const xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  for (const e of EMPHASES) {
    const s2 = EMPHASIS_STYLE[e];
    for (const f of FORMATS) {
      const id = NUM_FMT_ID[f];
      const align = s2.wrap ? '<alignment wrapText="1" vertical="top"/>' : "";
      xfs.push(
        `<xf numFmtId="${id}" fontId="${s2.font}" fillId="${s2.fill}" borderId="${s2.border}" xfId="0"${id ? ' applyNumberFormat="1"' : ""}${s2.font ? ' applyFont="1"' : ""}${s2.fill ? ' applyFill="1"' : ""}${s2.border ? ' applyBorder="1"' : ""}` + (align ? ` applyAlignment="1">${align}</xf>` : "/>")
      );
    }
  }
  return XML_HEAD + `<styleSheet xmlns="${NS_MAIN}"><numFmts count="${CUSTOM_FORMATS.length}">${CUSTOM_FORMATS.map((f) => `<numFmt numFmtId="${f.id}" formatCode="${escapeAttr(f.code)}"/>`).join("")}</numFmts><fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFE7E6E6"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left/><right/><top/><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
}
var INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
var NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
function escapeText(s2) {
  if (!NEEDS_ESCAPE.test(s2)) return s2;
  return s2.replace(INVALID_XML, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function escapeAttr(s2) {
  return escapeText(s2).replace(/"/g, "&quot;");
}
function cellText(s2) {
  return s2.length > 32767 ? s2.slice(0, 32767) : s2;
}
var MAX_CENTS = 2 ** 53 - 1;
var ByteSink = class {
  constructor(entry, signal) {
    this.entry = entry;
    this.signal = signal;
    this.buf = Buffer.allocUnsafe(SINK_BYTES);
    for (let i = 1; i < SINK_BUFFERS; i++) this.free.push(Buffer.allocUnsafe(SINK_BYTES));
  }
  entry;
  signal;
  buf;
  pos = 0;
  free = [];
  inFlight = [];
  /** Bytes left in the current buffer. */
  room() {
    return SINK_BYTES - this.pos;
  }
  /** Room for `s` without a flush (UTF-8 takes at most 3 bytes per UTF-16 unit). */
  fits(s2) {
    return this.pos + 3 * s2.length <= SINK_BYTES;
  }
  /** Bytes that belong to the caller, after what is buffered. */
  async writeBytes(bytes) {
    await this.flush();
    this.signal?.throwIfAborted();
    await this.entry.write(bytes);
  }
  /** Append `s`; call `fits` first and `flush` when it does not. */
  put(s2) {
    this.pos += this.buf.write(s2, this.pos, "utf8");
  }
  async write(s2) {
    if (!this.fits(s2)) await this.flush();
    if (this.fits(s2)) this.put(s2);
    else {
      this.signal?.throwIfAborted();
      await this.entry.write(Buffer.from(s2, "utf8"));
    }
  }
  /** Hand the current buffer over and take a free one (waiting for the oldest in flight if none is). */
  async flush() {
    this.signal?.throwIfAborted();
    if (this.pos === 0) return;
    const done = this.entry.write(this.buf.subarray(0, this.pos));
    done.catch(() => void 0);
    this.inFlight.push({ buf: this.buf, done });
    this.pos = 0;
    const next = this.free.pop();
    if (next) this.buf = next;
    else {
      const oldest = this.inFlight.shift();
      await oldest.done;
      this.buf = oldest.buf;
    }
  }
  /** Flush and wait until the deflater has consumed everything. */
  async drain() {
    await this.flush();
    while (this.inFlight.length) await this.inFlight.shift().done;
  }
};
var SharedStrings = class {
  index = /* @__PURE__ */ new Map();
  list = [];
  count = 0;
  /** Index of `s` (the caller counts each use in `count`). */
  id(s2) {
    let i = this.index.get(s2);
    if (i === void 0) {
      i = this.list.length;
      this.index.set(s2, i);
      this.list.push(s2);
    }
    return i;
  }
  *xml() {
    yield `${XML_HEAD}<sst xmlns="${NS_MAIN}" count="${this.count}" uniqueCount="${this.list.length}">`;
    for (const s2 of this.list) {
      const t = escapeText(cellText(s2));
      yield /^\s|\s$/.test(t) ? `<si><t xml:space="preserve">${t}</t></si>` : `<si><t>${t}</t></si>`;
    }
    yield "</sst>";
  }
};
function lastColumn(sheet) {
  return Math.max(0, sheet.columns.length - 1);
}
function autoFilterRef(sheet) {
  if (!sheet.autoFilter || !sheet.headerRow) return null;
  return `A1:${col(lastColumn(sheet))}${sheet.rowCount + 1}`;
}
function sheetViewXml(sheet, selected) {
  const f = sheet.freeze;
  const tab = selected ? ' tabSelected="1"' : "";
  if (!f || f.rows === 0 && f.columns === 0) return `<sheetViews><sheetView workbookViewId="0"${tab}/></sheetViews>`;
  const pane = f.rows > 0 && f.columns > 0 ? "bottomRight" : f.rows > 0 ? "bottomLeft" : "topRight";
  const split = `${f.columns > 0 ? ` xSplit="${f.columns}"` : ""}${f.rows > 0 ? ` ySplit="${f.rows}"` : ""}`;
  return `<sheetViews><sheetView workbookViewId="0"${tab}><pane${split} topLeftCell="${col(f.columns)}${f.rows + 1}" activePane="${pane}" state="frozen"/><selection pane="${pane}" activeCell="${col(f.columns)}${f.rows + 1}" sqref="${col(f.columns)}${f.rows + 1}"/></sheetView></sheetViews>`;
}
function colsXml(sheet) {
  return `<cols>${sheet.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join("")}</cols>`;
}
async function writeXlsx(model, out2, options) {
  const zip = new ZipWriter(out2, { level: options.level ?? 1, modified: options.created });
  const sheets = model.sheets;
  const strings = new SharedStrings();
  const total = sheets.reduce((n, s2) => n + s2.rowCount + (s2.headerRow ? 1 : 0), 0);
  let written = 0;
  let formulaCells = 0;
  await zip.add("[Content_Types].xml", contentTypesXml(sheets.length));
  await zip.add("_rels/.rels", rootRelsXml());
  await zip.add("docProps/app.xml", appXml(options.application, sheets));
  await zip.add("docProps/core.xml", coreXml(options.created));
  await zip.add("xl/workbook.xml", workbookXml(sheets));
  await zip.add("xl/_rels/workbook.xml.rels", workbookRelsXml(sheets.length));
  await zip.add("xl/styles.xml", stylesXml());
  for (let si = 0; si < sheets.length; si++) {
    const sheet = sheets[si];
    const entry = await zip.entry(`xl/worksheets/sheet${si + 1}.xml`);
    const sink = new ByteSink(entry, options.signal);
    await sink.write(
      XML_HEAD + `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` + sheetViewXml(sheet, si === 0) + '<sheetFormatPr defaultRowHeight="15"/>' + colsXml(sheet) + "<sheetData>"
    );
    const renderer = new RowRenderer(sheet, strings);
    let r = 1;
    if (sheet.headerRow) {
      const hs = styleIndex("text", "header");
      strings.count += sheet.columns.length;
      await sink.write(`<row r="1">${sheet.columns.map((c, i) => `<c r="${col(i)}1" s="${hs}" t="s"><v>${strings.id(c.header)}</v></c>`).join("")}</row>`);
      r = 2;
      written++;
    }
    let sinceReport = 0;
    for (const row of sheet.rows()) {
      const need = renderer.maxBytes(row);
      if (need > sink.room()) {
        await sink.flush();
        written += sinceReport;
        sinceReport = 0;
        options.onRows?.(written, total);
      }
      if (need <= sink.room()) renderer.render(row, r, sink);
      else {
        const own = { buf: Buffer.allocUnsafe(need), pos: 0 };
        renderer.render(row, r, own);
        await sink.writeBytes(own.buf.subarray(0, own.pos));
      }
      sinceReport++;
      r++;
    }
    formulaCells += renderer.formulas;
    const expected = sheet.rowCount + (sheet.headerRow ? 1 : 0);
    if (r - 1 !== expected) throw new Error(`${sheet.name}: ${r - 1} rows written, ${expected} planned`);
    written += sinceReport;
    const filter = autoFilterRef(sheet);
    await sink.write(
      "</sheetData>" + (filter ? `<autoFilter ref="${filter}"/>` : "") + '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'
    );
    await sink.drain();
    await entry.close();
    options.onRows?.(written, total);
  }
  const sst = await zip.entry("xl/sharedStrings.xml");
  const sstSink = new ByteSink(sst, options.signal);
  for (const part of strings.xml()) await sstSink.write(part);
  await sstSink.drain();
  await sst.close();
  await zip.finish();
  return { sheets: sheets.map((s2) => s2.name), formulaCells, rows: written };
}
var EMPHASIS_OF = { title: "title", header: "header", total: "total" };
var STYLE_COUNT = 1 + EMPHASES.length * FORMATS.length;
var ascii = (s2) => Buffer.from(s2, "latin1");
var ROW_OPEN = ascii('<row r="');
var ROW_OPEN_END = ascii('">');
var ROW_CLOSE = ascii("</row>");
var V_CLOSE = ascii("</v></c>");
var F_CLOSE = ascii("</f></c>");
var F_TO_V = ascii("</f><v>");
var RowRenderer = class {
  constructor(sheet, strings) {
    this.strings = strings;
    this.plain = sheet.columns.map((c) => styleIndex(c.format, "plain"));
    this.totals = sheet.columns.map((c) => styleIndex(c.format, "total"));
    this.plainText = sheet.columns.map((c) => c.format === "text" || c.format === "general" ? 0 : styleIndex(c.format, "plain"));
    for (let s2 = 0; s2 < STYLE_COUNT; s2++) {
      const a = s2 ? `" s="${s2}"` : '"';
      this.num.push(ascii(`${a}><v>`));
      this.str.push(ascii(`${a} t="s"><v>`));
      this.bool.push(ascii(`${a} t="b"><v>`));
      this.fml.push(ascii(`${a}><f>`));
      this.fmlStr.push(ascii(`${a} t="str"><f>`));
    }
  }
  strings;
  formulas = 0;
  open = [];
  num = [];
  str = [];
  bool = [];
  fml = [];
  fmlStr = [];
  plain;
  totals;
  /** Text cells of plain rows need no number format: the default style (no attribute) will do. */
  plainText;
  /** The last string of each column and its shared-string index (lot ids and periods repeat down a column). */
  lastString = [];
  lastId = [];
  digits = new Uint8Array(24);
  opener(c) {
    return this.open[c] ??= ascii(`<c r="${col(c)}`);
  }
  /** An upper bound of the bytes `render` writes for this row. */
  maxBytes(row) {
    let n = 64;
    const cells = row.cells;
    for (let c = 0; c < cells.length; c++) {
      const v = cells[c];
      if (v === null || v === void 0) continue;
      n += 96;
      if (typeof v === "object") {
        n += 6 * v.formula.length;
        if (typeof v.result === "string") n += 6 * Math.min(v.result.length, 32767);
      } else if (typeof v === "number") n += 32;
    }
    return n;
  }
  /** Writes the row at `t.pos`, which must have maxBytes(row) bytes of room. */
  render(row, r, t) {
    const buf = t.buf;
    let pos = t.pos;
    const cells = row.cells;
    const emphasis = row.emphasis ? EMPHASIS_OF[row.emphasis] : "plain";
    const styles = emphasis === "total" ? this.totals : emphasis === "plain" ? this.plain : null;
    const formats = row.formats;
    const digits = this.digits;
    const nd = writeUint(digits, 0, r);
    pos = putBytes(buf, pos, ROW_OPEN);
    for (let k = 0; k < nd; k++) buf[pos++] = digits[k];
    pos = putBytes(buf, pos, ROW_OPEN_END);
    for (let c = 0; c < cells.length; c++) {
      const v = cells[c];
      if (v === null || v === void 0) continue;
      const format = formats === void 0 ? void 0 : formats[c];
      const s2 = format === void 0 && styles !== null ? styles[c] ?? 0 : styleIndex(format ?? "general", emphasis);
      if (typeof v === "number") {
        if (!Number.isFinite(v)) continue;
        pos = this.ref(buf, pos, c, nd);
        pos = putBytes(buf, pos, this.num[s2]);
        pos = putNumber(buf, pos, v);
        pos = putBytes(buf, pos, V_CLOSE);
      } else if (typeof v === "string") {
        let id;
        if (this.lastString[c] === v) id = this.lastId[c];
        else {
          id = this.strings.id(v);
          this.lastString[c] = v;
          this.lastId[c] = id;
        }
        this.strings.count++;
        pos = this.ref(buf, pos, c, nd);
        pos = putBytes(buf, pos, this.str[styles === this.plain && format === void 0 ? this.plainText[c] : s2]);
        pos = writeUint(buf, pos, id);
        pos = putBytes(buf, pos, V_CLOSE);
      } else if (typeof v === "boolean") {
        pos = this.ref(buf, pos, c, nd);
        pos = putBytes(buf, pos, this.bool[s2]);
        buf[pos++] = v ? 49 : 48;
        pos = putBytes(buf, pos, V_CLOSE);
      } else if (isFormula(v)) {
        this.formulas++;
        const text = typeof v.result === "string";
        pos = this.ref(buf, pos, c, nd);
        pos = putBytes(buf, pos, text ? this.fmlStr[s2] : this.fml[s2]);
        pos = putText(buf, pos, v.formula);
        if (text) {
          pos = putBytes(buf, pos, F_TO_V);
          pos = putText(buf, pos, cellText(v.result));
          pos = putBytes(buf, pos, V_CLOSE);
        } else if (Number.isFinite(v.result)) {
          pos = putBytes(buf, pos, F_TO_V);
          pos = putNumber(buf, pos, v.result);
          pos = putBytes(buf, pos, V_CLOSE);
        } else pos = putBytes(buf, pos, F_CLOSE);
      }
    }
    t.pos = putBytes(buf, pos, ROW_CLOSE);
  }
  /** `<c r="` + column letters + the row's digits. */
  ref(buf, pos, c, nd) {
    pos = putBytes(buf, pos, this.opener(c));
    const digits = this.digits;
    for (let k = 0; k < nd; k++) buf[pos++] = digits[k];
    return pos;
  }
};
function putBytes(buf, pos, bytes) {
  const n = bytes.length;
  if (n > 32) {
    buf.set(bytes, pos);
    return pos + n;
  }
  for (let i = 0; i < n; i++) buf[pos + i] = bytes[i];
  return pos + n;
}
function writeUint(buf, pos, n) {
  let len = 1;
  for (let x = n; x >= 10; x = Math.floor(x / 10)) len++;
  let p = pos + len;
  do {
    const q = Math.floor(n / 10);
    buf[--p] = 48 + (n - q * 10);
    n = q;
  } while (n > 0);
  return pos + len;
}
function putNumber(buf, pos, n) {
  const c = Math.round(n * 100);
  if (c / 100 === n && c <= MAX_CENTS && c >= -MAX_CENTS) {
    let a = c;
    if (c < 0) {
      buf[pos++] = 45;
      a = -c;
    }
    const whole = Math.floor(a / 100);
    const frac = a - whole * 100;
    pos = writeUint(buf, pos, whole);
    if (frac !== 0) {
      const tens = Math.floor(frac / 10);
      const units = frac - tens * 10;
      buf[pos++] = 46;
      buf[pos++] = 48 + tens;
      if (units !== 0) buf[pos++] = 48 + units;
    }
    return pos;
  }
  return putText(buf, pos, String(n));
}
function putText(buf, pos, s2) {
  const n = s2.length;
  for (let i = 0; i < n; i++) {
    const ch = s2.charCodeAt(i);
    if (ch >= 127 || ch < 32 || ch === 38 || ch === 60 || ch === 62) return pos + buf.write(escapeText(s2), pos, "utf8");
    buf[pos + i] = ch;
  }
  return pos + n;
}
function contentTypesXml(sheets) {
  let overrides = "";
  for (let i = 1; i <= sheets; i++) {
    overrides += `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`;
  }
  return XML_HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' + overrides + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>';
}
function rootRelsXml() {
  return XML_HEAD + `<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${REL_OFFICE}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${REL_OFFICE}/extended-properties" Target="docProps/app.xml"/></Relationships>`;
}
function appXml(application, sheets) {
  return XML_HEAD + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>${escapeText(application)}</Application><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${sheets.length}</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="${sheets.length}" baseType="lpstr">${sheets.map((s2) => `<vt:lpstr>${escapeText(s2.name)}</vt:lpstr>`).join("")}</vt:vector></TitlesOfParts></Properties>`;
}
function coreXml(created) {
  const iso = `${created.toISOString().slice(0, 19)}Z`;
  return XML_HEAD + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>Fleetbook report</dc:title><dc:creator>Fleetbook</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${iso}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${iso}</dcterms:modified></cp:coreProperties>`;
}
function quoteSheet(name) {
  return `'${name.replace(/'/g, "''")}'`;
}
function workbookXml(sheets) {
  const names = [];
  sheets.forEach((s2, i) => {
    const ref2 = autoFilterRef(s2);
    if (ref2) {
      const [a, b] = ref2.split(":");
      const abs = (x) => x.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
      names.push(`<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${escapeText(`${quoteSheet(s2.name)}!${abs(a)}:${abs(b)}`)}</definedName>`);
    }
  });
  return XML_HEAD + `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><workbookPr defaultThemeVersion="124226"/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="15000" activeTab="0"/></bookViews><sheets>${sheets.map((s2, i) => `<sheet name="${escapeAttr(s2.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets>` + (names.length ? `<definedNames>${names.join("")}</definedNames>` : "") + '<calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>';
}
function workbookRelsXml(sheets) {
  let rels = "";
  for (let i = 1; i <= sheets; i++) rels += `<Relationship Id="rId${i}" Type="${REL_OFFICE}/worksheet" Target="worksheets/sheet${i}.xml"/>`;
  rels += `<Relationship Id="rId${sheets + 1}" Type="${REL_OFFICE}/styles" Target="styles.xml"/>`;
  rels += `<Relationship Id="rId${sheets + 2}" Type="${REL_OFFICE}/sharedStrings" Target="sharedStrings.xml"/>`;
  return `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">${rels}</Relationships>`;
}

// electron/host/report/export-report.ts
var ReportInputError = class extends Error {
  constructor(problems) {
    super(problems.map(formatProblem).join("\n"));
    this.problems = problems;
    this.name = "ReportInputError";
  }
  problems;
};
function sha256Hex(bytes) {
  return createHash("sha256").update(bytes).digest("hex");
}
async function exportReport(input, outPath, options = {}) {
  options.signal?.throwIfAborted();
  let fleet = input.fleet;
  let scenarioName = null;
  let overrides = [];
  if (input.scenario) {
    const applied = applyScenario(fleet, input.scenario);
    if (!applied.ok) throw new ReportInputError(applied.error);
    fleet = applied.value.fleet;
    scenarioName = applied.value.name;
    overrides = applied.value.overrides;
  }
  const wants = (key) => !input.sheets || input.sheets.includes(key);
  const data = computeReportData(fleet, {
    tax: wants("tax") || wants("summary"),
    economics: wants("economic") || wants("summary") || wants("lots")
  });
  const model = buildReportModel(
    data,
    {
      appVersion: input.appVersion,
      exportedAt: input.now.toISOString(),
      sourceName: input.sourceName,
      sourceSha256: sha256Hex(input.sourceBytes),
      sourceSize: input.sourceBytes.length,
      scenario: scenarioName,
      scenarioOverrides: overrides,
      warnings: [...input.warnings]
    },
    { sheets: input.sheets, maxRowsPerSheet: options.maxRowsPerSheet }
  );
  const dir = dirname(outPath);
  const tmp = join(dir, `.${basename(outPath)}.report-${randomBytes(6).toString("hex")}.tmp`);
  let stage = "write";
  let stream;
  try {
    stream = createWriteStream(tmp, { flags: "wx", mode: 438, flush: true, highWaterMark: 1 << 20 });
    const closed = new Promise((resolve, reject) => {
      stream.once("close", resolve);
      stream.once("error", reject);
    });
    closed.catch(() => void 0);
    await new Promise((resolve, reject) => {
      stream.once("open", () => resolve());
      stream.once("error", reject);
    });
    const result = await writeXlsx(model, stream, {
      level: options.compressionLevel,
      created: input.now,
      application: `Fleetbook ${input.appVersion}`,
      signal: options.signal,
      onRows: options.onProgress ? (written, total) => options.onProgress(total > 0 ? Math.min(1, written / total) : 1) : void 0
    });
    stream.end();
    await closed;
    const bytes = stream.bytesWritten;
    stage = "rename";
    options.signal?.throwIfAborted();
    await rename(tmp, outPath);
    await syncFolder(dir);
    options.onProgress?.(1);
    return { path: outPath, sheets: result.sheets, formulaCells: result.formulaCells, rows: result.rows, bytes };
  } catch (e) {
    if (stream && !stream.closed) {
      stream.destroy();
      await new Promise((resolve) => stream.closed ? resolve() : stream.once("close", () => resolve()));
    }
    await unlink(tmp).catch(() => void 0);
    if (isNodeIoError(e)) throw new UserFacingError(ioMessage(e, `${stage === "rename" ? "replace" : "write"} ${basename(outPath)}`, dir));
    throw e;
  }
}
function isNodeIoError(e) {
  return typeof e === "object" && e !== null && "code" in e && "syscall" in e;
}
async function syncFolder(dir) {
  if (process.platform === "win32") return;
  try {
    const h = await open(dir, "r");
    try {
      await h.sync();
    } finally {
      await h.close();
    }
  } catch {
  }
}

// test/bench/report.bench.ts
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as join2 } from "node:path";
function makeFleet(count) {
  let seed = 625341585;
  const random = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 4294967296;
  };
  const pick = (weighted) => {
    let r = random();
    for (const [value, weight] of weighted) if ((r -= weight) < 0) return value;
    return weighted[weighted.length - 1][0];
  };
  const lots = [];
  const events = [];
  for (let i = 0; i < count; i++) {
    const year = 2021 + Math.floor(random() * 6);
    const month = 1 + Math.floor(random() * 12);
    const method = pick([["SL", 0.85], ["DDB", 0.08], ["150DB", 0.04], ["SYD", 0.03]]);
    const convention = method === "SL" ? pick([["full-month", 0.8], ["mid-month", 0.1], ["half-year", 0.06], ["mid-quarter", 0.04]]) : "full-month";
    const gpu = random() < 0.4;
    const lot = {
      id: `LOT-${String(i).padStart(5, "0")}`,
      assetClass: gpu ? "GPU" : "ASIC",
      model: gpu ? pick([["H100", 0.6], ["A100", 0.4]]) : pick([["S21", 0.5], ["S19 XP", 0.3], ["T21", 0.2]]),
      quantity: 1 + Math.floor(random() * 500),
      unitCost: 1e5 + Math.floor(random() * 3e6),
      inService: `${year}-${String(month).padStart(2, "0")}-${String(1 + Math.floor(random() * 28)).padStart(2, "0")}`,
      salvagePct: pick([[0, 0.5], [5, 0.3], [10, 0.2]]),
      lifeMonths: 120,
      method,
      convention,
      taxClass: "MACRS-5"
    };
    lots.push(lot);
    if (random() < 0.03) {
      const date = `${year + 1 + Math.floor(random() * 4)}-${String(month).padStart(2, "0")}-15`;
      const type = pick([["disposal", 0.4], ["impairment", 0.25], ["change-estimate", 0.2], ["held-for-sale", 0.1], ["idle", 0.05]]);
      const cost = lot.quantity * lot.unitCost;
      if (type === "disposal") events.push({ lotId: lot.id, type, date, units: Math.max(1, Math.floor(lot.quantity / 3)), proceeds: Math.floor(cost / 5) });
      else if (type === "impairment") events.push({ lotId: lot.id, type, date, fairValue: Math.floor(cost / 4) });
      else if (type === "change-estimate") events.push({ lotId: lot.id, type, date, lifeMonths: 72, salvagePct: 2 });
      else if (type === "held-for-sale") events.push({ lotId: lot.id, type, date, fairValueLessCosts: Math.floor(cost / 6) });
      else events.push({ lotId: lot.id, type, date });
    }
  }
  return { assumptions: { ...DEFAULT_ASSUMPTIONS, company: "Bench", fiscalYearStartMonth: 7, asOf: "2026-01-31" }, lots, events, scenarios: [] };
}
var SOURCE = new TextEncoder().encode("bench");
var benchmarks = [
  {
    name: "report export 10,000 lots x 120 months (streamed xlsx)",
    targetMs: 1e4,
    runs: 3,
    setup: () => ({ fleet: makeFleet(1e4), dir: mkdtempSync(join2(tmpdir(), "fleetbook-bench-report-")) }),
    run: async ({ fleet, dir }) => {
      const path = join2(dir, "report.xlsx");
      const r = await exportReport({ fleet, sourceName: "bench.xlsx", sourceBytes: SOURCE, warnings: [], appVersion: "bench", now: /* @__PURE__ */ new Date() }, path);
      if (process.env.FLEETBOOK_BENCH_VERBOSE) console.error(`${r.rows} rows, ${r.formulaCells} formula cells, ${(r.bytes / 1e6).toFixed(1)} MB, sheets: ${r.sheets.join(", ")}`);
      rmSync(path, { force: true });
      return r;
    }
  }
];

// ../../tmp/rpt/ab.ts
var s = await benchmarks[0].setup();
var out = [];
for (let i = 0; i < 3; i++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await exportReport({ fleet: s.fleet, sourceName: "b", sourceBytes: new Uint8Array(1), warnings: [], appVersion: "x", now: /* @__PURE__ */ new Date() }, "/tmp/rpt/ab.xlsx");
  const c = process.cpuUsage(c0);
  out.push(`${((performance.now() - t0) / 1e3).toFixed(1)}s/${(c.user / 1e6).toFixed(1)}u`);
}
console.log(out.join("  "), "peak", (process.resourceUsage().maxRSS / 1024).toFixed(0), "MB");
