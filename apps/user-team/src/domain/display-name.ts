import { accept, refuse, type Checked } from './checked';
import { MAX_NAME_LENGTH } from './limits';

// Control characters, line and paragraph separators: a name is one line of visible text.
const NOT_ONE_LINE = /[\p{Cc}\p{Zl}\p{Zp}]/u;

/** A person's or a team's name: trimmed, 1-100 characters (code points), one line. */
export function checkDisplayName(input: string): Checked<string> {
  const value = input.trim();
  const length = [...value].length;
  if (length === 0) return refuse('is required');
  if (length > MAX_NAME_LENGTH) return refuse(`must be at most ${MAX_NAME_LENGTH} characters`);
  if (NOT_ONE_LINE.test(value)) return refuse('must be a single line without control characters');
  return accept(value);
}
