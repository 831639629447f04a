import type { AccessLevel, Consent, Grantee, SectionInstance, SectionStatus } from '../caseModel.ts';
import type { BlockType } from '../blocks/index.ts';
import type { CommentVisibility, RequestKind, ThreadKind } from '../comments.ts';
import type { OrganisationKind } from '../directory.ts';
import type { Role } from '../roles.ts';

/**
 * Every permission that is not a read/write level of a section (those are `accessFor`'s): who may
 * invite, give or withdraw consent, record a legal ground, end emergency access, set a condition,
 * record a decision, move a section's status, and the like. The server enforces it, the client
 * asks the same function to decide what to show. Each action names what it is done to.
 */
export interface MayTargets {
  /** Invite someone into the case, or take them out. */
  'manage-participants': null;
  /** Give or revoke an explicit grant of access to one person. */
  'manage-grants': null;
  /** Give consent to read one's own per-person section. */
  'give-consent': { section: SectionInstance };
  /**
   * Record a legal ground that opens a per-person section to someone else. Without `grantee` and
   * `reason`, whether this person may record one here at all (what the client asks to show the form).
   */
  'record-legal-ground': { section: SectionInstance; grantee?: Grantee; reason?: string };
  'withdraw-consent': { consent: Consent };
  /** End an emergency access: one's own, or someone else's. */
  'end-emergency': { own: boolean };
  /** Insert, change or remove a block of this type in a section. */
  'write-block': { block: BlockType };
  'move-status': { from: SectionStatus; to: SectionStatus; level: AccessLevel };
  /** Start a comment thread of this kind and visibility. */
  'start-thread': { kind: ThreadKind; visibility: CommentVisibility };
  /**
   * Close a reaction thread ("Afhandelen"), or reopen it: who started it, or a professional who may
   * edit the section. `startedBy`: the user id of whoever wrote its first comment.
   */
  'resolve-thread': { startedBy: string; level: AccessLevel };
  /** Answer a family's request for correction or removal on a section. */
  'answer-request': { kind: RequestKind; level: AccessLevel };
  /** See comments meant for professionals only. */
  'read-professional-comments': null;
  /**
   * Name these parties in a safety agreement of a section that `readers` (user ids) may read. A
   * party confirms the agreement in its section, so each party with an account must be able to read
   * that section; nothing of a section leaves it for someone who may not read it.
   */
  'name-parties': { parties: readonly { naam: string; userId: string | null }[]; readers: readonly string[] };
  /** Confirm a safety agreement (an `afspraak` block): who is named in it, whatever their level on the section. */
  'confirm-agreement': { parties: readonly { userId: string | null }[] };
  /**
   * Start a case. Asked outside any case, of a professional as the directory knows them: the
   * kind of their organisation decides (null when the directory has no organisation for them).
   */
  'start-case': { organisationKind: OrganisationKind | null };
  /** Direct a case (DOMAIN.md, "Roles"): a regisseur of a lokaal team; asked of who starts a case or is named to direct it. */
  'direct-case': { organisationKind: OrganisationKind | null };
  /** Add, correct or remove a person of the case (a parent, a child, someone of the network). */
  'manage-persons': null;
  /** Plan a Jeugdbeschermingstafel: date, place, who is invited, the agenda. */
  'plan-meeting': null;
  /** Lead a Tafel: move through the agenda, record attendance and notes, close it. */
  'chair-meeting': null;
  /** Record the decision of a Tafel (the `besluit`): the Raad decides (DOMAIN.md, "Who may say what"). */
  'record-decision': null;
  /** Close the case: it becomes read-only for everyone, and its retention term starts. */
  'close-case': null;
  /**
   * Add, change or take out a professional in an organisation's part of the directory. Asked of a
   * {@link Keeper}, outside any case. `account`: the account of that e-mail address, when one exists.
   */
  'keep-directory': { organisationId: string; account?: { organisationId: string | null; professional: boolean } };
  /** Read the versions of a section one may read, and what changed since an approval. */
  'read-history': null;
  /** Take a copy of the case (the PDF or HTML afschrift), filtered by the one access policy. */
  'make-copy': null;
  /**
   * Hear, in a section's history, that it was shared (a consent, legal ground or grant) by
   * `givenBy` (a user id) with `to`: a grantee, or one participant (`role`: theirs, when known).
   */
  'hear-of-share': { givenBy: string; to: Grantee | { kind: 'user'; userId: string; role: Role | null } };
  /** Read the whole log of the case ("volledig"), not only who looked at what one may read. */
  'read-full-log': null;
  /** Hear that a restricted section holds something ("transparent unless"): the people the file is about. */
  'hear-of-withheld': null;
  /** Hear of the right to ask for destruction, also before one may ask oneself: the people the file is about. */
  'hear-of-destruction': null;
  /** Ask to destroy the case (Jeugdwet art. 7.3.9). `ownRights`: a young person who has turned 16. */
  'request-destruction': { ownRights: boolean };
  /** Read a destruction request: the family their own (`filedBy`), professionals every one. */
  'read-destruction-request': { filedBy: string };
  /** Carry out or refuse a destruction request. */
  'answer-destruction': null;
  /** Set or lift a legal hold: the case may not be destroyed while it holds. */
  'hold-case': null;
  /** A {@link Keeper} sets an organisation's retention term. */
  'set-retention-term': { organisationId: string };
  /** A {@link Keeper} sets or lifts a legal hold; `organisations`: those of the case's professionals. */
  'keep-hold': { organisations: readonly string[] };
}
/** Actions asked of a {@link Keeper} (a beheerder) rather than of a case participant. */
export type KeeperAction = 'keep-directory' | 'set-retention-term' | 'keep-hold';
export type MayAction = keyof MayTargets;
