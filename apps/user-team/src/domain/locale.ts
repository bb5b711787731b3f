import { accept, refuse, type Checked } from './checked';
import { MAX_LOCALE_LENGTH } from './limits';

/** A BCP 47 language tag ("en", "bn-BD"), stored in its canonical form ("bn-bd" -> "bn-BD"). */
export function checkLocale(input: string): Checked<string> {
  const value = input.trim();
  if (value === '' || value.length > MAX_LOCALE_LENGTH) return refuse('must be a language tag like "en" or "bn-BD"');
  try {
    const [canonical] = Intl.getCanonicalLocales(value);
    return canonical ? accept(canonical) : refuse('must be a language tag like "en" or "bn-BD"');
  } catch {
    return refuse('must be a language tag like "en" or "bn-BD"');
  }
}
