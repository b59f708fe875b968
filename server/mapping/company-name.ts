import { similarity } from './similarity.ts';

/**
 * Company names compared the way a person would: case, accents, punctuation, emoji and the
 * legal form do not count. "Müller & Söhne GmbH", "MUELLER und Soehne" and "Muller & Sohne
 * KG" are one company; "Müller Bau AG" is another.
 */

/** Legal forms as they read once dots are gone ("S.p.A." is "spa", "B.V." is "bv"). */
const legalForms = new Set([
  'gmbh',
  'mbh',
  'ag',
  'kg',
  'kgaa',
  'ohg',
  'gbr',
  'ug',
  'haftungsbeschrankt',
  'ek',
  'ev',
  'eg',
  'se',
  'ltd',
  'limited',
  'plc',
  'llp',
  'llc',
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'co',
  'company',
  'pty',
  'sa',
  'sarl',
  'sas',
  'sasu',
  'spa',
  'srl',
  'sl',
  'bv',
  'nv',
  'ab',
  'oy',
  'oyj',
  'as',
  'asa',
  'aps',
  'kft',
  'sro',
  'sp',
  'zoo',
]);

/** The word "and" in the languages our customers write names in. */
const ands = new Set(['and', 'und', 'et']);

/** Letters NFD does not take apart. */
const letters: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

function fold(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (c) => letters[c]!)
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

function words(name: string): string[] {
  const text = fold(name)
    .replace(/[&+]/g, ' and ')
    .replace(/(?:\p{L}\.){2,}/gu, (abbreviation) => abbreviation.replaceAll('.', ''))
    .replace(/[^\p{L}\p{N}]+/gu, ' ');
  return text
    .split(' ')
    .filter(Boolean)
    .map((w) => (ands.has(w) ? 'and' : w));
}

/** The name without its legal form, e.g. "globex retail" for "Globex Retail GmbH & Co. KG". */
export function companyKey(name: string): string {
  const kept = words(name);
  // "GmbH & Co. KG" ends in several forms joined by "and".
  while (kept.length > 1 && (legalForms.has(kept.at(-1)!) || kept.at(-1) === 'and')) kept.pop();
  return kept.join(' ');
}

const umlauts: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' };

/** German umlauts are written both ways ("Müller", "Mueller"); compare them one way. */
function digraphs(key: string): string {
  return key.replace(/([aou])e/g, '$1');
}

export function nameSimilarity(a: string, b: string): number {
  const x = companyKey(a);
  const y = companyKey(b);
  if (!x || !y) return 0;
  return Math.max(similarity(x, y), similarity(digraphs(x), digraphs(y)));
}

/**
 * Words to ask the ERP's substring name search for: the two longest telling words, each
 * also without accents and with umlauts written out, since the ERP compares literally.
 */
export function nameSearchTerms(name: string, max = 4): string[] {
  const raw = name
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => [...w].length >= 3 && !legalForms.has(fold(w)) && !ands.has(fold(w)));
  const longest = [...new Set(raw)].sort((a, b) => [...b].length - [...a].length).slice(0, 2);

  const terms: string[] = [];
  for (const word of longest) {
    const spelledOut = word.replace(/[äöüÄÖÜ]/g, (c) => umlauts[c]!);
    const plain = word.normalize('NFD').replace(/\p{M}/gu, '');
    terms.push(word, plain, spelledOut);
  }
  return [...new Set(terms)].slice(0, max);
}
