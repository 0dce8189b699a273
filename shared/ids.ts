// Clocks and id sources are injected so that tests and benchmarks are deterministic.
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

export type IdSource = () => string;
export const randomIds: IdSource = () => globalThis.crypto.randomUUID();

/** Local calendar date (YYYY-MM-DD) of a moment, as a mediator reads it on the desk's clock. */
export function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
