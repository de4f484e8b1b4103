// The installation's privacy notice: one text per language, versioned (every
// save adds a version; the newest one of a language is in force). Public forms
// read the notice in force on every submission, so the lookup is cached in
// the process for a short while and dropped when this process saves one:
// another instance sees a new version within NOTICE_CACHE_MS.
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import type { DbOrTx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/query-guards";
import { ConflictError, ValidationError } from "@/lib/errors";
import { defaultLocale, isLocale, locales, type Locale } from "@/lib/i18n/config";
import { renderMarkdown } from "@/lib/markdown";
import { skipTake, toPage, type ListQuery, type Page } from "@/lib/pagination";
import type { ConsentInput, PrivacyNoticeInput } from "./consent-schema";
import { privacyNoticeSchema } from "./consent-schema";

export interface NoticeVersion {
  id: string;
  locale: string;
  version: number;
  body: string;
  createdAt: Date;
}

const NOTICE_CACHE_MS = 30_000;

interface CachedNotices {
  at: number;
  /** The newest version of each language, withdrawn ones (empty body) included. */
  byLocale: Map<string, NoticeVersion>;
}

// Keyed by the client: tests run several databases in one process.
const cache = new WeakMap<object, CachedNotices>();

async function latestVersions(db: DbOrTx): Promise<Map<string, NoticeVersion>> {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.at < NOTICE_CACHE_MS) return hit.byLocale;
  const rows = await db.$queryRaw<NoticeVersion[]>`
    SELECT DISTINCT ON (locale) id, locale, version, body, "createdAt"
      FROM "PrivacyNotice" ORDER BY locale, version DESC`;
  const byLocale = new Map(rows.map((r) => [r.locale, r]));
  cache.set(db, { at: Date.now(), byLocale });
  return byLocale;
}

/** Forget the cached versions (after a save in this process). */
function forgetNotices(db: DbOrTx): void {
  cache.delete(db);
}

/**
 * The notice a visitor of this language reads: their language's version in
 * force, else the default language's; null when neither has a text (public
 * forms then ask for no acceptance).
 */
export async function currentNotice(db: DbOrTx, locale: string): Promise<NoticeVersion | null> {
  const byLocale = await latestVersions(db);
  for (const candidate of [locale, defaultLocale]) {
    const notice = byLocale.get(candidate);
    if (notice && notice.body.trim() !== "") return notice;
  }
  return null;
}

export interface Consent {
  privacyNoticeId: string | null;
  privacyAcceptedAt: Date | null;
  marketingConsent: boolean;
}

/**
 * What a public submission records about consent. With a notice in force the
 * person must have accepted it; the version recorded is the one their form
 * showed when that is still in force, else the one in force for their language.
 */
export async function consentFor(db: DbOrTx, locale: string, input: ConsentInput): Promise<Consent> {
  const notice = await currentNotice(db, locale);
  const marketingConsent = input.marketingConsent === true;
  if (!notice) return { privacyNoticeId: null, privacyAcceptedAt: null, marketingConsent };
  if (input.acceptPrivacyNotice !== true) throw new ValidationError({ acceptPrivacyNotice: "privacy.consent.required" });
  const inForce = [...(await latestVersions(db)).values()].some((n) => n.id === input.privacyNoticeId && n.body.trim() !== "");
  return { privacyNoticeId: inForce ? input.privacyNoticeId! : notice.id, privacyAcceptedAt: now(), marketingConsent };
}

/** Saves a new version of a language's notice (admins only). */
export async function saveNotice(db: DbOrTx, actor: Actor, input: PrivacyNoticeInput): Promise<NoticeVersion> {
  assertAdmin(actor);
  const parsed = privacyNoticeSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError({ body: "validation.invalid" });
  const { locale, body } = parsed.data;
  const last = await db.privacyNotice.findFirst({ where: { locale }, orderBy: { version: "desc" }, select: { version: true, body: true } });
  if (!last && body === "") throw new ValidationError({ body: "validation.required" });
  try {
    const saved = await db.privacyNotice.create({
      data: { locale, version: (last?.version ?? 0) + 1, body, createdById: actor.userId, createdAt: now() },
      select: { id: true, locale: true, version: true, body: true, createdAt: true },
    });
    forgetNotices(db);
    return saved;
  } catch (error) {
    // Two admins saving at once: the unique (locale, version) lets one win.
    if (isUniqueViolation(error)) throw new ConflictError("privacy.notice.savedMeanwhile");
    throw error;
  }
}

export interface NoticeOverview {
  locale: Locale;
  current: NoticeVersion | null;
}

/** The newest version of every language, for the admin page (admins only). */
export async function noticeOverview(db: DbOrTx, actor: Actor): Promise<NoticeOverview[]> {
  assertAdmin(actor);
  forgetNotices(db);
  const byLocale = await latestVersions(db);
  return locales.map((locale) => ({ locale, current: byLocale.get(locale) ?? null }));
}

export interface NoticeHistoryRow extends NoticeVersion {
  createdByName: string | null;
}

/** Earlier versions of one language, newest first, paginated (admins only). */
export async function noticeHistory(db: DbOrTx, actor: Actor, locale: string, query: ListQuery): Promise<Page<NoticeHistoryRow>> {
  assertAdmin(actor);
  const where = { locale: isLocale(locale) ? locale : defaultLocale };
  const [rows, total] = await Promise.all([
    db.privacyNotice.findMany({
      where,
      orderBy: { version: "desc" },
      select: { id: true, locale: true, version: true, body: true, createdAt: true, createdBy: { select: { name: true } } },
      ...skipTake(query),
    }),
    db.privacyNotice.count({ where }),
  ]);
  return toPage(
    rows.map(({ createdBy, ...r }) => ({ ...r, createdByName: createdBy?.name ?? null })),
    total,
    query,
  );
}

/** The notice a public form shows, rendered (safe HTML); null when none is in force. */
export async function noticeForForm(db: DbOrTx, locale: string): Promise<{ id: string; version: number; html: string } | null> {
  const notice = await currentNotice(db, locale);
  return notice ? { id: notice.id, version: notice.version, html: renderMarkdown(notice.body) } : null;
}
