import { checkLocale } from '../locale';

describe('checkLocale', () => {
  it('accepts BCP 47 tags and stores their canonical form', () => {
    expect(checkLocale('en')).toEqual({ ok: true, value: 'en' });
    expect(checkLocale('bn-BD')).toEqual({ ok: true, value: 'bn-BD' });
    expect(checkLocale('bn-bd')).toEqual({ ok: true, value: 'bn-BD' });
    expect(checkLocale('EN-us')).toEqual({ ok: true, value: 'en-US' });
    expect(checkLocale('zh-Hant-TW')).toEqual({ ok: true, value: 'zh-Hant-TW' });
  });

  it('refuses empty, malformed and over-long tags', () => {
    for (const locale of ['', ' ', 'e', 'english language', 'en_US!', '123', 'en--US', `en-${'a'.repeat(40)}`]) {
      expect(checkLocale(locale).ok).toBe(false);
    }
  });
});
