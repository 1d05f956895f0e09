/**
 * Roles with time (`Kremlin spokesman Dmitry Peskov` -> spokesman of the
 * Kremlin as of the document's date) and role anaphora (`the spokesman`,
 * `the Russian leader`, `глава государства`) resolved to the person who holds
 * the role earlier in the same document.
 */
import type { Doc } from '../../doc.js';
import type { Gazetteer } from './gazetteer.js';
import type { Tok } from './tokens.js';
import type { Mention, RoleFact } from './types.js';

const STAGE = 'entities';

function mentionAt(mentions: readonly Mention[], t: Tok): number {
  // Outermost mention covering the token.
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    if (m.start <= t.start && t.end <= m.end && m.parent === undefined) return i;
  }
  return -1;
}

function countryOf(gz: Gazetteer, key: string | undefined): string | undefined {
  if (!key) return undefined;
  if (key.startsWith('country:')) return key.slice(8);
  return gz.entries.get(key)?.country;
}

export function extractRoles(doc: Doc, mentions: readonly Mention[], sentToks: readonly Tok[][], gz: Gazetteer): { roles: RoleFact[] } {
  const roles: RoleFact[] = [];
  const asOf = doc.published?.date ?? null;
  const tokIndex = new Map<number, [number, number]>();
  sentToks.forEach((ts, s) => ts.forEach((t, k) => tokIndex.set(t.start, [s, k])));
  mentions.forEach((m, mi) => {
    if (m.type !== 'PER' || m.rule === 'role-anaphor' || m.parent !== undefined) return;
    const pos = tokIndex.get(m.start);
    if (!pos) return;
    const ts = sentToks[pos[0]]!;
    const ru = ts.some((t) => t.cyr);
    const words: string[] = [];
    let org: string | undefined;
    let orgName: string | undefined;
    let start = m.start;
    let j = pos[1] - 1;
    while (j >= 0) {
      const t = ts[j]!;
      const mj = mentionAt(mentions, t);
      if (mj >= 0 && mentions[mj]!.type !== 'PER' && mentions[mj]!.end <= m.start) {
        const om = mentions[mj]!;
        if (!org) {
          org = om.key;
          orgName = om.name;
        }
        start = om.start;
        while (j >= 0 && ts[j]!.start >= om.start) j--;
        continue;
      }
      if (!t.word) {
        if (t.text === '-' ) { j--; continue; }
        break;
      }
      if (ru) {
        const country = gz.ruAdjectives.get(t.lemma);
        if (country) {
          org ??= country;
          orgName ??= gz.entries.get(country)?.name;
        } else if (gz.ru.roleLemmas.has(t.lemma)) {
          words.unshift(t.lemma);
        } else break;
      } else {
        const dem = gz.demonyms.get(t.lower);
        if (dem) {
          org ??= dem;
          orgName ??= gz.entries.get(dem)?.name;
        } else if (gz.en.roleWords.has(t.lower)) {
          words.unshift(t.lower.replace(/(dent|ster|der)s$/, '$1'));
        } else if ((t.lower === 'of' || t.lower === 'the') && words.length === 0 && org) {
          // `President of Russia Vladimir Putin`
        } else break;
      }
      start = t.start;
      j--;
    }
    const role = ru ? russianRole(words, org, orgName, gz) : englishRole(words, gz);
    if (role) {
      roles.push({ start, end: m.end, stage: STAGE, rule: ru ? 'ru-role-before-name' : 'en-role-before-name', mention: mi, person: m.key, role, ...(org ? { org } : {}), ...(orgName ? { orgName } : {}), asOf });
      return;
    }
    // Apposition after the name: `Sergey Lavrov, Russia's foreign minister,` / `Сергей Лавров, глава МИД России,`.
    const after = appositiveRole(mentions, ts, pos[1], m, ru, gz);
    if (after) roles.push({ start: m.start, end: after.end, stage: STAGE, rule: ru ? 'ru-role-apposition' : 'en-role-apposition', mention: mi, person: m.key, role: after.role, ...(after.org ? { org: after.org } : {}), ...(after.orgName ? { orgName: after.orgName } : {}), asOf });
  });
  return { roles };
}

function appositiveRole(mentions: readonly Mention[], ts: readonly Tok[], first: number, m: Mention, ru: boolean, gz: Gazetteer): { role: string; org?: string; orgName?: string; end: number } | null {
  let j = first;
  while (j < ts.length && ts[j]!.end <= m.end) j++;
  if (ts[j]?.text !== ',') return null;
  j++;
  const words: string[] = [];
  let org: string | undefined;
  let orgName: string | undefined;
  let end = -1;
  for (; j < ts.length && j < first + 16; j++) {
    const t = ts[j]!;
    const mj = mentionAt(mentions, t);
    if (mj >= 0 && mentions[mj]!.type !== 'PER') {
      const om = mentions[mj]!;
      org ??= om.key;
      orgName ??= om.name;
      end = om.end;
      while (j + 1 < ts.length && ts[j + 1]!.start < om.end) j++;
      continue;
    }
    if (!t.word) {
      if (t.text === "'s" || t.text === '’s') continue;
      break;
    }
    if (ru) {
      const country = gz.ruAdjectives.get(t.lemma);
      if (country) {
        org ??= country;
        orgName ??= gz.entries.get(country)?.name;
      } else if (gz.ru.roleLemmas.has(t.lemma)) words.push(t.lemma);
      else break;
    } else {
      const dem = gz.demonyms.get(t.lower);
      if (dem) {
        org ??= dem;
        orgName ??= gz.entries.get(dem)?.name;
      } else if (gz.en.roleWords.has(t.lower)) words.push(t.lower);
      else if (t.lower === "'s" || t.lower === '’s') continue;
      else if (!['the', 'of', 'a', 'an'].includes(t.lower)) break;
    }
    end = t.end;
  }
  // The apposition must close (comma, full stop, end) right where the role ends.
  const closer = ts[j];
  if (end < 0 || (closer && !/^[,.;:)]$/.test(closer.text))) return null;
  const role = ru ? russianRole(words, org, orgName, gz) : englishRole(words, gz);
  return role ? { role, ...(org ? { org } : {}), ...(orgName ? { orgName } : {}), end } : null;
}

function englishRole(words: readonly string[], gz: Gazetteer): string | null {
  if (!words.some((w) => gz.en.roleHeads.has(w))) return null;
  return words.filter((w) => !['the', 'of'].includes(w)).join(' ');
}

function russianRole(lemmas: readonly string[], org: string | undefined, orgName: string | undefined, gz: Gazetteer): string | null {
  const head = lemmas.find((l) => gz.ru.roleHeads.has(l));
  if (!head) return null;
  let role = gz.ru.roleEnglish.get(head) ?? head;
  const foreign = lemmas.includes('иностранный') && lemmas.includes('дело');
  const orgEntry = org ? gz.entries.get(org) : undefined;
  const isMfa = org === 'alias:russian-foreign-ministry' || orgEntry?.name === 'Ministry of Foreign Affairs' || /foreign ministry|ministry of foreign affairs/i.test(orgEntry?.name ?? orgName ?? '');
  if ((head === 'министр' && foreign) || (head === 'глава' && isMfa)) role = 'foreign minister';
  if ((lemmas.includes('заместитель') || lemmas.includes('замминистра')) && !role.startsWith('deputy')) role = 'deputy ' + role;
  return role;
}

interface Anaphor {
  start: number;
  end: number;
  heads: readonly string[];
  country?: string;
}

/** Role anaphora in a document, as mentions of the person (rule `role-anaphor`), merged into the mention list. */
export function roleAnaphora(doc: Doc, mentions: readonly Mention[], roles: readonly RoleFact[], sentToks: readonly Tok[][], gz: Gazetteer): Mention[] {
  const found: Anaphor[] = [];
  // Characters inside a mention, for a constant-time overlap test.
  const mask = new Uint8Array(doc.text.length + 1);
  for (const m of mentions) mask.fill(1, m.start, m.end);
  const covered = (s: number, e: number): boolean => {
    for (let x = s; x < e; x++) if (mask[x]) return true;
    return false;
  };
  for (const ts of sentToks) {
    for (let k = 0; k < ts.length; k++) {
      const t = ts[k]!;
      if (t.cyr) {
        let heads: readonly string[] | undefined;
        let end = t.end;
        let len = 1;
        const two = ts[k + 1] ? `${t.lemma} ${ts[k + 1]!.lemma}` : '';
        if (two && gz.ru.anaphora.has(two)) {
          heads = gz.ru.anaphora.get(two);
          end = ts[k + 1]!.end;
          len = 2;
        } else if (!t.cap && gz.ru.anaphora.has(t.lemma)) heads = gz.ru.anaphora.get(t.lemma);
        if (!heads) continue;
        const after = ts[k + len];
        if (after && (after.cap || (after.word && covered(after.start, after.end) && len === 1))) continue;
        const adj = ts[k - 1];
        const country = adj ? gz.ruAdjectives.get(adj.lemma) : undefined;
        const start = country && adj ? adj.start : t.start;
        if (covered(start, end)) continue;
        found.push({ start, end, heads, ...(country ? { country: country.replace('country:', '') } : {}) });
        k += len - 1;
        continue;
      }
      if (t.lower !== 'the') continue;
      let p = k + 1;
      let country: string | undefined;
      const dem = ts[p] ? gz.demonyms.get(ts[p]!.lower) : undefined;
      if (dem) {
        country = dem.replace('country:', '');
        p++;
      }
      const w1 = ts[p];
      if (!w1) continue;
      const w2 = ts[p + 1];
      const w3 = ts[p + 2];
      let heads: readonly string[] | undefined;
      let last = p;
      const three = w2 && w3 ? `${w1.lower} ${w2.lower} ${w3.lower}` : '';
      const two = w2 ? `${w1.lower} ${w2.lower}` : '';
      if (three && gz.en.anaphorHeads.has(three)) {
        heads = gz.en.anaphorHeads.get(three);
        last = p + 2;
      } else if (two && gz.en.anaphorHeads.has(two)) {
        heads = gz.en.anaphorHeads.get(two);
        last = p + 1;
      } else if (gz.en.anaphorHeads.has(w1.lower)) heads = gz.en.anaphorHeads.get(w1.lower);
      if (!heads) continue;
      const after = ts[last + 1];
      // `the President of Azerbaijan` or `the spokesman Dmitry Peskov` name the person or another role: not an anaphor.
      if (after && (after.cap || after.lower === 'of' || after.lower === "'s")) continue;
      const start = t.start;
      const end = ts[last]!.end;
      if (covered(ts[k + 1]!.start, end)) continue;
      found.push({ start, end, heads, ...(country ? { country } : {}) });
      k = last;
    }
  }
  if (!found.length) return [...mentions];
  const asOf = doc.published?.date ?? null;
  const extra: Mention[] = [];
  for (const a of found) {
    let best: Mention | undefined;
    let bestAt = -1;
    const consider = (m: Mention, role: string, org: string | undefined, at: number): void => {
      if (at >= a.start || at < bestAt) return;
      if (!a.heads.some((h) => role === h || role.endsWith(' ' + h) || role.startsWith(h + ' '))) return;
      if (a.country && countryOf(gz, org) !== a.country) return;
      best = m;
      bestAt = at;
    };
    for (const r of roles) consider(mentions[r.mention]!, r.role, r.org, r.start);
    // Curated roles (Putin, president of Russia since 2012) hold as of the document's date.
    for (const m of mentions) {
      if (m.type !== 'PER') continue;
      for (const cr of gz.entries.get(m.key)?.roles ?? []) {
        if (asOf && ((cr.from && asOf < cr.from) || (cr.to && asOf > cr.to))) continue;
        consider(m, cr.role, cr.org, m.start);
      }
    }
    if (best) {
      extra.push({ start: a.start, end: a.end, stage: STAGE, rule: 'role-anaphor', type: 'PER', key: best.key, name: best.name, normal: doc.text.slice(a.start, a.end) });
    }
  }
  if (!extra.length) return [...mentions];
  const all = [...mentions.map((m, i) => ({ m, old: i })), ...extra.map((m) => ({ m, old: -1 }))];
  all.sort((x, y) => x.m.start - y.m.start || y.m.end - x.m.end);
  const remap = new Map<number, number>();
  all.forEach((e, k) => { if (e.old >= 0) remap.set(e.old, k); });
  return all.map(({ m }) => (m.parent !== undefined ? { ...m, parent: remap.get(m.parent)! } : m));
}

/**
 * The person a role phrase refers to (`the spokesman`), for other stages (quotes):
 * the role-anaphor mention covering the span, if the entities stage found one.
 */
export function resolveRoleReference(doc: Doc, span: { start: number; end: number }): { key: string; name: string } | null {
  for (const m of doc.layers.mentions ?? []) {
    if (m.rule === 'role-anaphor' && m.start < span.end && span.start < m.end) return { key: m.key, name: m.name };
  }
  return null;
}
