import { accept, refuse, type Checked } from './checked';
import { MAX_EMAIL_LENGTH } from './limits';

// Deliberately plain (one "@", a dotted domain, no spaces): the address is only shown and
// used for mail, never trusted as an identity, so RFC 5322's corner cases are not worth it.
const EMAIL = /^[^\s@]{1,64}@[^\s@.]+(\.[^\s@.]+)+$/u;

/** An email address, or '' to clear it. The domain is stored in lower case. */
export function checkEmailAddress(input: string): Checked<string> {
  const value = input.trim();
  if (value === '') return accept('');
  if (value.length > MAX_EMAIL_LENGTH) return refuse(`must be at most ${MAX_EMAIL_LENGTH} characters`);
  if (!EMAIL.test(value)) return refuse('must be an email address like name@example.com');
  const at = value.lastIndexOf('@');
  return accept(`${value.slice(0, at)}@${value.slice(at + 1).toLowerCase()}`);
}
