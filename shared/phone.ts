import { z } from 'zod';

/**
 * A Dutch telephone number as people write it ("06 12345678", "010-123 45 67", "+31 6 1234 5678",
 * "0800 0123"). Kept as typed, so it reads as the family expects; checked on its digits: ten
 * digits from 0 (or +31 / 0031 and nine more), or a 0800/0900 service number.
 */
const DIGITS = /^(?:0[1-9]\d{8}|0[89]00\d{4,7})$/;
const WRITTEN = /^\+?[\d\s().-]+$/;

export function phoneDigits(written: string): string | null {
  if (!WRITTEN.test(written)) return null;
  const digits = written.replace(/[\s().-]/g, '');
  const national = digits.replace(/^(?:\+31|0031)/, '0');
  return DIGITS.test(national) ? national : null;
}

export const PHONE_MESSAGE = 'Vul een Nederlands telefoonnummer in, zoals 06 12345678 of 010 1234567.';

export const DutchPhone = z
  .string()
  .trim()
  .max(30, PHONE_MESSAGE)
  .refine((v) => phoneDigits(v) !== null, PHONE_MESSAGE);
