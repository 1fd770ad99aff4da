/**
 * The one rounding rule: half away from zero, applied once at the end.
 * The tiny relative nudge absorbs binary artefacts (89.995 stored as
 * 89.99499999…), so a printed 89.995 rounds as a person would round it.
 */
const roundTo = (x: number, factor: number) => {
  if (!Number.isFinite(x)) return x;
  const scaled = Math.abs(x) * factor;
  return (Math.sign(x) * Math.round(scaled * (1 + 4 * Number.EPSILON))) / factor || 0;
};

/** Points: to 0.01. */
export const roundPoints = (x: number) => roundTo(x, 100);
/** Rates: to 0.0001. */
export const roundRate = (x: number) => roundTo(x, 10_000);
