import { z } from 'zod';

/** An e-mail address someone types in a form: trimmed, in lower case, checked, with one message everywhere. */
export const EmailAddress = z.string().trim().toLowerCase().email('Vul een geldig e-mailadres in.').max(200);
