import { describe, expect, it } from 'vitest';
import { DutchPhone, phoneDigits } from './phone.ts';

describe('a Dutch phone number', () => {
  it('is taken as people write it, and read by its digits', () => {
    expect(phoneDigits('06 12345678')).toBe('0612345678');
    expect(phoneDigits('010-123 45 67')).toBe('0101234567');
    expect(phoneDigits('(036) 539 99 99')).toBe('0365399999');
    expect(phoneDigits('+31 6 1234 5678')).toBe('0612345678');
    expect(phoneDigits('0031 6 12345678')).toBe('0612345678');
    expect(phoneDigits('0800-2000')).toBe('08002000');
    expect(DutchPhone.parse(' 036-5399999 ')).toBe('036-5399999');
  });

  it('refuses text, too few or too many digits, and numbers abroad, in Dutch', () => {
    for (const bad of ['bel me maar', '12345', '06-1234567a', '0612345678901', '+32 2 123 45 67', '']) {
      const r = DutchPhone.safeParse(bad);
      expect(r.success, bad).toBe(false);
      expect(r.error?.issues[0]?.message).toContain('telefoonnummer');
    }
  });
});
