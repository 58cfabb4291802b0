// The words of the interface come from tables typed by language (src/diagnostics/words.ts): code looks a word up by
// the user's language and never tests the language inline (`lang === 'zh' ? '…' : '…'`), so a word is never left
// in one language only. A file that must still test it would be listed here by name (none is); an entry must go once
// its file no longer does, so the list can only shrink.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { defineWords } from '../src/diagnostics/words';
import { ROOT } from './helpers';

/** The files that still choose their words with an inline test of the language. */
const STILL_INLINE: readonly string[] = [];

/** `lang === 'zh'`, `lang !== 'zh'`, `lang === 'en'`, `lang !== 'en'`, also as `options.lang` or with `"…"`. */
const INLINE = /\blang\s*[!=]==\s*['"](?:zh|en)['"]/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Each line of a file that tests the language inline, as `file:line: text`. */
function inlineTests(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .flatMap((line, index) => (INLINE.test(line) ? [`${relative(ROOT, path)}:${index + 1}: ${line.trim()}`] : []));
}

const files = sources(join(ROOT, 'src'));

test('no file of src/ tests the language inline, but the listed ones', () => {
  const found = files.filter((path) => !STILL_INLINE.includes(relative(ROOT, path))).flatMap(inlineTests);
  expect(found).toEqual([]);
});

test('the list only shrinks: each listed file exists, is in src/validate/, and still tests the language', () => {
  for (const listed of STILL_INLINE) {
    expect([listed, listed.startsWith('src/validate/')]).toEqual([listed, true]);
    expect([listed, inlineTests(join(ROOT, listed)).length > 0]).toEqual([listed, true]);
  }
});

test('the check finds what it is meant to find', () => {
  const samples = [
    "const a = lang === 'zh' ? '是' : 'yes';",
    "const b = options.lang !== 'en';",
    'if (context.lang === "en") run();',
    "const c = lang==='zh';",
  ];
  expect(samples.filter((line) => INLINE.test(line))).toEqual(samples);
  expect(["process.env.REPORT_LANG === 'en'", "value !== 'zh'", 'words[lang].title'].some((l) => INLINE.test(l))).toBe(
    false,
  );
});

test('a table of words must have every word in both languages, with the same params', () => {
  const words = defineWords({
    zh: { title: '标题', count: (n: number) => `${n} 个` },
    en: { title: 'title', count: (n) => `${n}` },
  });
  expect([words.zh.count(2), words.en.count(2), words.en.title]).toEqual(['2 个', '2', 'title']);
  // Each of these is a compile error (npm run typecheck checks the test files too).
  // @ts-expect-error a language left out
  defineWords({ zh: { title: '标题' } });
  // @ts-expect-error a word missing from English
  defineWords({ zh: { title: '标题', note: '注' }, en: { title: 'title' } });
  // @ts-expect-error a word only in English
  defineWords({ zh: { title: '标题' }, en: { title: 'title', note: 'note' } });
  // @ts-expect-error a word that takes other params
  defineWords({ zh: { count: (n: number) => `${n} 个` }, en: { count: (n: string, unit: string) => `${n} ${unit}` } });
});
