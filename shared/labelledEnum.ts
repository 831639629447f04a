import { z } from 'zod';

/**
 * A kind and its words, written once: the table of words is the source and the zod enum takes its
 * keys, in the order the table lists them (that is the order of `.options`, so of every list that
 * shows the kind). A value added to the table is valid at once and can never be without words.
 */
export function labelledEnum<K extends string>(labels: Readonly<Record<K, string>>, params?: string | z.core.$ZodEnumParams) {
  return z.enum(Object.keys(labels) as [K, ...K[]], params);
}
