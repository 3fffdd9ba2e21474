// + - * / % over numbers, datetimes and timespans, with Kusto's result types
// (datetime - datetime is a timespan; long / long stays a long).
import type { KType } from './values.ts';
import { KDate, KSpan, isNumericType, toNum } from './values.ts';

export function arithmeticType(op: string, a: KType, b: KType): KType {
  if (a === 'datetime' && b === 'datetime' && op === '-') return 'timespan';
  if (a === 'datetime' || b === 'datetime') return 'datetime';
  if (a === 'timespan' && b === 'timespan') return op === '/' ? 'real' : 'timespan';
  if (a === 'timespan' || b === 'timespan') return 'timespan';
  if (a === 'real' || b === 'real') return 'real';
  if (isNumericType(a) && isNumericType(b)) return 'long';
  return 'dynamic';
}

function temporal(op: string, a: unknown, b: unknown): unknown {
  if (a instanceof KDate) {
    if (b instanceof KSpan) return op === '+' ? new KDate(a.ms + b.ms) : op === '-' ? new KDate(a.ms - b.ms) : null;
    if (b instanceof KDate) return op === '-' ? new KSpan(a.ms - b.ms) : null;
    return null;
  }
  if (a instanceof KSpan) {
    if (b instanceof KDate) return op === '+' ? new KDate(a.ms + b.ms) : null;
    if (b instanceof KSpan) {
      if (op === '+') return new KSpan(a.ms + b.ms);
      if (op === '-') return new KSpan(a.ms - b.ms);
      if (op === '/') return b.ms === 0 ? null : a.ms / b.ms;
      return null;
    }
    const n = toNum(b);
    if (n === null) return null;
    if (op === '*') return new KSpan(a.ms * n);
    if (op === '/') return n === 0 ? null : new KSpan(a.ms / n);
    return null;
  }
  const n = toNum(a);
  if (n !== null && b instanceof KSpan && op === '*') return new KSpan(n * b.ms);
  return null;
}

/** A binary arithmetic function. `integral` is false when either side is known to be real. */
export function arithmetic(op: string, integral: boolean): (a: unknown, b: unknown) => unknown {
  return (a, b) => {
    if (a === null || a === undefined || b === null || b === undefined) return null;
    if (typeof a === 'object' || typeof b === 'object') {
      if (a instanceof KDate || a instanceof KSpan || b instanceof KDate || b instanceof KSpan) return temporal(op, a, b);
    }
    const x = typeof a === 'number' ? a : toNum(a);
    const y = typeof b === 'number' ? b : toNum(b);
    if (x === null || y === null) return null;
    switch (op) {
      case '+':
        return x + y;
      case '-':
        return x - y;
      case '*':
        return x * y;
      case '/':
        if (integral && Number.isInteger(x) && Number.isInteger(y)) return y === 0 ? null : Math.trunc(x / y);
        return x / y;
      case '%':
        return y === 0 ? null : x % y;
      default:
        return null;
    }
  };
}
