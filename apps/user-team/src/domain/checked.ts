/** The outcome of checking one input value: its stored form, or why it was refused. */
export type Checked<T> = { ok: true; value: T } | { ok: false; problem: string };

export const accept = <T>(value: T): Checked<T> => ({ ok: true, value });
export const refuse = <T = never>(problem: string): Checked<T> => ({ ok: false, problem });
