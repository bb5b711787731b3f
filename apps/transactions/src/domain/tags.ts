import type { FieldViolation } from '@cashier/grpc';

export const MAX_TAGS = 10;
export const MAX_TAG_LENGTH = 40;

/** Tags as stored: trimmed, non-empty, at most 10 distinct of at most 40 characters, in the order given. */
export function checkTags(tags: readonly string[], violations: FieldViolation[]): string[] {
  const result: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim();
    if (tag.length === 0) {
      violations.push({ field: 'tags', description: 'a tag cannot be empty' });
    } else if ([...tag].length > MAX_TAG_LENGTH) {
      violations.push({ field: 'tags', description: `a tag has at most ${MAX_TAG_LENGTH} characters` });
    } else if (/\p{Cc}/u.test(tag)) {
      violations.push({ field: 'tags', description: 'a tag cannot contain control characters' });
    } else if (!result.includes(tag)) {
      result.push(tag);
    }
  }
  if (result.length > MAX_TAGS) violations.push({ field: 'tags', description: `at most ${MAX_TAGS} tags` });
  return result;
}
