import { beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_PAGE_SIZE, type AuditEntry, AuditLogView } from '../../shared/api.ts';
import { signedInTafel } from '../support/signedInTafel.ts';
import { storesToTry } from '../support/tafelServer.ts';

/** Days on which Karim (VT) opened the plan, each several times; far more rows than the log once read. */
const DAYS = 120;
const LOOKS_A_DAY = 20;
/** Before all of them: the oldest look in the log, by the GI. */
const OLDEST = '2020-01-06T09:00:00.000Z';

const look = (at: string, userId: string, role: string, organisationId: string, sectionId = 'plan') => ({
  at,
  event: 'sectie-bekeken',
  case_id: 'demo',
  section_id: sectionId,
  user_id: userId,
  role,
  organisation_id: organisationId,
  on_behalf_of: null,
  detail: null,
});

describe.each(storesToTry('audit paging'))('the log a page at a time, however long it is ($store)', ({ options }) => {
  const { server, api } = signedInTafel(['regisseur', 'moeder'], options);
  const pageOf = async (who: string, query: string) => {
    const res = await api(who, 'GET', `/api/cases/demo/audit${query}`);
    expect(res.status).toBe(200);
    return AuditLogView.parse(await res.json());
  };
  /** Every page in turn, as "Meer laden" asks for them, until the answer says there is no more. */
  const allPages = async (who: string, query = '') => {
    const pages: AuditLogView[] = [];
    for (let page = 1; pages.at(-1)?.more !== false; page++) pages.push(await pageOf(who, `?page=${page}${query}`));
    return pages;
  };

  beforeAll(async () => {
    const { sql } = server.tafel.services;
    const rows = [look(OLDEST, 'gi', 'gi', 'gi-flevoland')];
    // Oldest first, so the log's order (newest first) is the order of time. Noon UTC is the same Dutch day.
    for (let day = 0; day < DAYS; day++) {
      const date = new Date(Date.UTC(2025, 0, 1 + day, 12)).getTime();
      for (let n = 0; n < LOOKS_A_DAY; n++) rows.push(look(new Date(date + n * 60_000).toISOString(), 'vt', 'veilig_thuis', 'veilig-thuis-flevoland', n % 2 ? 'plan' : 'r-melder'));
    }
    expect(rows.length).toBeGreaterThan(2000);
    for (let i = 0; i < rows.length; i += 500) await sql.write([sql.db.insertInto('audit_events').values(rows.slice(i, i + 500))]);
  });

  it(`gives ${AUDIT_PAGE_SIZE} entries a page, says when there is more, and the last page holds the oldest look`, async () => {
    const pages = await allPages('moeder');
    const entries = pages.flatMap((p) => p.entries);
    expect(pages.map((p) => p.page)).toEqual(pages.map((_, i) => i + 1));
    for (const p of pages.slice(0, -1)) expect([p.entries.length, p.more]).toEqual([AUDIT_PAGE_SIZE, true]);
    expect(pages.at(-1)!.more).toBe(false);
    // One entry per day for Karim, each counting only the plan: the melder section is not hers to read.
    const karims = entries.filter((e) => e.who === 'Karim El Amrani');
    expect(karims).toHaveLength(DAYS);
    for (const e of karims) expect(e.sections).toEqual([{ id: 'plan', title: 'Doelen en acties', times: LOOKS_A_DAY / 2 }]);
    // Beyond the 2000 rows the log once stopped at: the GI's look is there, last, and nothing twice.
    expect(entries.at(-1)).toMatchObject({ at: OLDEST, event: 'sectie-bekeken' });
    expect(new Set(entries.map((e: AuditEntry) => `${e.who} ${e.at}`)).size).toBe(entries.length);
    expect(entries.map((e) => e.at)).toEqual(entries.map((e) => e.at).sort().reverse());
  });

  it('pages a period the same way: each page within it, the whole of it over the pages', async () => {
    const pages = await allPages('regisseur', '&from=2025-01-01&to=2025-03-31');
    const karims = pages.flatMap((p) => p.entries).filter((e) => e.who === 'Karim El Amrani');
    expect(karims).toHaveLength(31 + 28 + 31);
    expect(pages.length).toBe(2);
    expect((await pageOf('regisseur', '?from=2025-01-01&to=2025-03-31&page=3')).entries).toEqual([]);
  });

  it('asked as of the first page, the next page is not shifted by a look in between', async () => {
    const first = await pageOf('moeder', '?page=1');
    const second = await pageOf('moeder', `?page=2&asOf=${first.asOf}`);
    await new Promise((r) => setTimeout(r, 5));
    const { sql } = server.tafel.services;
    await sql.write([sql.db.insertInto('audit_events').values(look(new Date().toISOString(), 'gw', 'gedragswetenschapper', 'lokaal-team-almere'))]);
    expect(await pageOf('moeder', `?page=2&asOf=${encodeURIComponent(first.asOf)}`)).toEqual(second);
    // Without it, the new look on top pushes page 1's last entry onto page 2.
    expect((await pageOf('moeder', '?page=2')).entries[0]).toEqual(first.entries.at(-1));
    expect((await pageOf('moeder', '?page=1')).entries[0]?.who).not.toBe(first.entries[0]?.who);
  });

  it.each([
    ['?asOf=gisteren', 'asOf'],
    ['?page=0', 'page'],
    ['?page=twee', 'page'],
    ['?page=1.5', 'page'],
    ['?own=misschien', 'own'],
  ])('%s is refused with 400 naming %s', async (query, field) => {
    const res = await api('moeder', 'GET', `/api/cases/demo/audit${query}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe(field);
  });
});
