import { checkDisplayName } from '../display-name';

describe('checkDisplayName', () => {
  it('trims and accepts 1 to 100 characters, counting code points', () => {
    expect(checkDisplayName('  Rahman family ')).toEqual({ ok: true, value: 'Rahman family' });
    expect(checkDisplayName('a')).toEqual({ ok: true, value: 'a' });
    expect(checkDisplayName('x'.repeat(100)).ok).toBe(true);
    expect(checkDisplayName('😀'.repeat(100)).ok).toBe(true);
    expect(checkDisplayName('রহমান পরিবার').ok).toBe(true);
  });

  it('refuses empty, blank and over-long names', () => {
    expect(checkDisplayName('').ok).toBe(false);
    expect(checkDisplayName('   ').ok).toBe(false);
    expect(checkDisplayName('x'.repeat(101)).ok).toBe(false);
    expect(checkDisplayName('😀'.repeat(101)).ok).toBe(false);
  });

  it('refuses control characters and line breaks inside the name', () => {
    for (const name of ['a\nb', 'a\u0000b', 'a\u0007b', 'a\u2028b', 'a\tb']) {
      expect(checkDisplayName(name).ok).toBe(false);
    }
  });
});
