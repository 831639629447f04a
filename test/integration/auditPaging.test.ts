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
  /**
   * Every page in turn, as "Meer laden" asks for them (the next ones up to where the first was
   * read), until the answer says there is no more; `between` runs before each next page.
   */
  const allPages = async (who: string, query = '', between = async () => {}) => {
    const pages = [await pageOf(who, `?page=1${query}`)];
    for (let page = 2; pages.at(-1)!.more; page++) {
      await between();
      pages.push(await pageOf(who, `?page=${page}${query}&upTo=${encodeURIComponent(pages[0]!.upTo)}`));
    }
    return pages;
  };
  /** Logs a look now, stamped at `at`: as a write that was queued (or a clock that was behind) when a page was read. */
  const lookCommittedLate = async (at: string, userId = 'gw') => {
    const { sql } = server.tafel.services;
    await sql.write([sql.db.insertInto('audit_events').values(look(at, userId, userId === 'gw' ? 'gedragswetenschapper' : userId, userId === 'gw' ? 'lokaal-team-almere' : 'gi-flevoland'))]);
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

  it('pages over more than two pages without a gap or a repeat, also while looks stamped earlier are committed in between', async () => {
    const quiet = await allPages('moeder');
    expect(quiet.length).toBeGreaterThan(2);
    const karimsDays = quiet.flatMap((p) => p.entries).filter((e) => e.who === 'Karim El Amrani').map((e) => e.at.slice(0, 10));
    expect(karimsDays).toEqual(Array.from({ length: DAYS }, (_, day) => new Date(Date.UTC(2025, 0, DAYS - day, 12)).toISOString().slice(0, 10)));
    // Each next page is asked after a look that was stamped before the first page was read (a
    // minute before, and on one of Karim's days) but committed only now.
    const busy = await allPages('moeder', '', async () => {
      await lookCommittedLate(new Date(Date.now() - 60_000).toISOString());
      await lookCommittedLate('2025-02-10T12:30:00.000Z');
    });
    const read = (pages: AuditLogView[]) => pages.map(({ upTo, ...page }) => page);
    expect(read(busy)).toEqual(read(quiet));
    // Where page 1 was read up to tells nothing of the log: the same log gives another value each time.
    expect(busy[0]!.upTo).not.toBe(quiet[0]!.upTo);
    expect(busy.flatMap((p) => p.entries).some((e) => e.who !== 'Karim El Amrani' && e.at.startsWith('2025-02-10'))).toBe(false);
    // Read afresh, the looks are there, newest first.
    const fresh = await pageOf('moeder', '?page=1');
    expect(fresh.entries.filter((e) => e.role === 'gedragswetenschapper')).not.toEqual([]);
  });

  it('an entry committed after page 1 was read, stamped before it, is not on page 2 and shifts nothing', async () => {
    const first = await pageOf('moeder', '?page=1');
    const second = await pageOf('moeder', `?page=2&upTo=${encodeURIComponent(first.upTo)}`);
    // Stamped before page 1 was read: as of page 1's time, it would have been in the log already.
    await lookCommittedLate(new Date(Date.now() - 1_000).toISOString(), 'gi');
    expect(await pageOf('moeder', `?page=2&upTo=${encodeURIComponent(first.upTo)}`)).toEqual(second);
    expect(second.entries[0]).not.toEqual(first.entries.at(-1));
    // Without it, the new look on top pushes page 1's last entry onto page 2.
    expect((await pageOf('moeder', '?page=2')).entries[0]).toEqual(first.entries.at(-1));
  });

  it('refuses an upTo that Tafel did not give for this case', async () => {
    const { upTo } = await pageOf('moeder', '?page=1');
    const changed = `${upTo.slice(0, -2)}${upTo.endsWith('AA') ? 'BB' : 'AA'}`;
    const res = await api('moeder', 'GET', `/api/cases/demo/audit?page=2&upTo=${encodeURIComponent(changed)}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe('upTo');
  });

  it.each([
    ['?page=2&upTo=41', 'upTo'],
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
