import { describe, expect, it } from 'vitest';
import { followableLink, isAllowedLink, typedLink } from './linkPolicy.ts';

describe('the link policy', () => {
  it('allows web, mail and phone links', () => {
    for (const href of ['https://www.rijksoverheid.nl/jeugd', 'http://example.nl', 'mailto:sanne@example.nl', 'tel:+31201234567']) {
      expect(isAllowedLink(href), href).toBe(true);
    }
  });

  it('refuses links that run a script or carry data, however they are spelled', () => {
    for (const href of ['javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)']) {
      expect(isAllowedLink(href), href).toBe(false);
      expect(followableLink(href), href).toBeNull();
    }
    expect(isAllowedLink(42)).toBe(false);
  });

  it('keeps an empty, relative or network-share address as text in a copy', () => {
    for (const href of ['', '/api/cases/demo', '//evil.example/x', '\\\\evil\\share', 'foo', '\uFEFFjavascript:alert(1)', 'ftp://example.nl']) {
      expect(followableLink(href), href).toBeNull();
    }
    expect(followableLink('https://example.nl')).toBe('https://example.nl');
    expect(followableLink('tel:+31201234567')).toBe('tel:+31201234567');
  });

  it('makes a typed bare address a web address and refuses a typed script', () => {
    expect(typedLink(' www.gemeente.nl ')).toBe('https://www.gemeente.nl');
    expect(typedLink('mailto:wijkteam@gemeente.nl')).toBe('mailto:wijkteam@gemeente.nl');
    expect(typedLink('javascript:alert(1)')).toBeNull();
    expect(typedLink('   ')).toBeNull();
  });
});
