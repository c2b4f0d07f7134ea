/** Registering profiles (validated by zod) and picking the one a document belongs to. */
import type { ExtractedDocument } from '@ledgerlift/extract';
import { cleanLabel } from '../text/clean.ts';
import { BUDGET_PROFILE } from './budget.ts';
import { FINAL_ACCOUNTS_PROFILE } from './final-accounts.ts';
import { type Profile, type ProfileInput, ProfileSchema } from './schema.ts';

/** Validate a user-supplied profile; throws a zod error naming the bad field. */
export function defineProfile(input: ProfileInput): Profile {
  return ProfileSchema.parse(input);
}

/** The shipped profiles, 决算 first (the default when nothing else decides). */
export const PROFILES: readonly Profile[] = [defineProfile(FINAL_ACCOUNTS_PROFILE), defineProfile(BUDGET_PROFILE)];

const countOf = (text: string, word: string) => text.split(word).length - 1;

function evidence(doc: ExtractedDocument): string[] {
  const titles = doc.tables.map((t) => cleanLabel(t.title ?? '')).join('\n');
  const opening = doc.text
    .slice(0, 60)
    .map((l) => cleanLabel(l.text))
    .join('\n');
  return [titles, opening];
}

/** The profile's report type when the document shows it (titles or opening text), '' otherwise (e.g. a 绩效自评报告 alone). */
export function reportTypeOf(doc: ExtractedDocument, profile: Profile): string {
  return evidence(doc).some((text) => profile.detect.some((w) => text.includes(w))) ? profile.reportType : '';
}

/**
 * Pick the profile whose detect words occur most in the table titles, then in the first 60 text lines
 * (a 决算 report mentions 预算 often, so titles decide before free text does).
 */
export function selectProfile(doc: ExtractedDocument, profiles: readonly Profile[] = PROFILES): Profile {
  const score = (p: Profile, text: string) => p.detect.reduce((n, w) => n + countOf(text, w), 0);
  for (const text of evidence(doc)) {
    const ranked = profiles.map((p) => ({ p, n: score(p, text) })).sort((a, b) => b.n - a.n);
    const [best, second] = ranked;
    if (best && best.n > 0 && (!second || best.n > second.n)) return best.p;
  }
  const first = profiles[0];
  if (!first) throw new Error('no profile registered');
  return first;
}
