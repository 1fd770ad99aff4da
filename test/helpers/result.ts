/** Unwrapping contract answers in tests: the value, or the error's message thrown. */
type Answer<T> = { ok: true; value: T } | { ok: false; error: { message: string } };

export function ok<T>(r: Answer<T>): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

export async function value<T>(promise: Promise<Answer<T>>): Promise<T> {
  return ok(await promise);
}
