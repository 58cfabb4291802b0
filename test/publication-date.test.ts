// N008 (published on time) end to end: the date from --published, from a page as government CMSs publish it (the
// PubDate meta tag, a 发布时间 line, a 成文日期 cell of the information table) or from the 落款 an import takes off the
// text; the body kind from the agency's name or the config.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixture, runCli, scratch } from './helpers';

interface JsonDiagnostic {
  ruleId: string;
  messageId: string;
  pointer: string;
  params?: Record<string, string | number>;
}

function diagnosticsOf(args: string[]): { code: number; diagnostics: JsonDiagnostic[] } {
  const run = runCli(['validate', ...args, '--format', 'json']);
  const parsed = JSON.parse(run.stdout) as { files: { diagnostics: JsonDiagnostic[] }[] };
  return { code: run.code, diagnostics: parsed.files.flatMap((file) => file.diagnostics) };
}

const ofRule = (diagnostics: JsonDiagnostic[], ruleId: string) =>
  diagnostics
    .filter((d) => d.ruleId === ruleId)
    .map(({ messageId, pointer, params }) => ({ messageId, pointer, params }));

/** The example as a CMS publishes it: our page's visible text, no embedded model, `head` and `before` added. */
function cmsPage(dir: string, name: string, extra: { head?: string; before?: string; signed?: string }): string {
  const folder = join(dir, `${name}-built`);
  const args = ['build', fixture('example-2021.json'), '--to', 'html', '-o', folder];
  const build = runCli(extra.signed ? [...args, '--date', extra.signed] : args);
  expect(build.code).toBe(0);
  const built = readdirSync(folder).find((file) => file.endsWith('.html')) ?? '';
  const page = readFileSync(join(folder, built), 'utf8')
    .replace(/<script type="application\/json"[^>]*>[\s\S]*?<\/script>/, '')
    .replace('<head>', `<head>${extra.head ?? ''}`)
    .replace(/<body([^>]*)>/, `<body$1>${extra.before ?? ''}`);
  const path = join(dir, `${name}.html`);
  writeFileSync(path, page);
  return path;
}

describe('N008 published on time', () => {
  const dir = scratch('report-published-');

  test('--published after 31 January: a department’s report is late, and the message says which date it used', () => {
    const { code, diagnostics } = diagnosticsOf([fixture('example-2021.xlsx'), '--published', '2026-02-03']);
    expect(code).toBe(0);
    expect(ofRule(diagnostics, 'N008')).toEqual([
      {
        messageId: 'late',
        pointer: '',
        params: {
          date: '2026-02-03',
          source: '--published 给出的发布日期',
          deadline: '2026-01-31',
          rule: '政府部门的年度报告应在次年 1 月 31 日前公布',
        },
      },
    ]);
    expect(diagnosticsOf([fixture('example-2021.xlsx'), '--published', '2026-01-31']).diagnostics).toEqual([]);
  });

  test('the config says the body is a government: 31 March is its deadline, and 第五十条 asks more of its text', () => {
    const config = join(dir, 'government.json');
    writeFileSync(config, JSON.stringify({ bodyKind: 'government' }));
    const { diagnostics } = diagnosticsOf([
      fixture('example-2021.xlsx'),
      '--published',
      '2026-03-02',
      '--config',
      config,
    ]);
    expect(ofRule(diagnostics, 'N008')).toEqual([]);
    expect(ofRule(diagnostics, 'N009').map((d) => d.messageId)).toEqual(['governmentTopicsMissing']);
  });

  test('a date that is no day of the calendar, or a body kind that is none, is a usage error', () => {
    const bad = runCli(['validate', fixture('example-2021.xlsx'), '--published', '2026-02-30', '--lang', 'en']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--published must be the date published as YYYY-MM-DD');
    const config = join(dir, 'bad-kind.json');
    writeFileSync(config, JSON.stringify({ bodyKind: 'city' }));
    const kind = runCli(['validate', fixture('example-2021.xlsx'), '--config', config, '--lang', 'en']);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain('bodyKind: "city" is not allowed (government | department)');
  });

  test('a page’s PubDate meta tag is its publication date; the 落款 is read off the text as signedOn', () => {
    const page = cmsPage(dir, 'meta', {
      head: '<meta name="PubDate" content="2026-02-10 09:30:00">',
      signed: '2026-02-05',
    });
    const out = join(dir, 'meta.json');
    expect(runCli(['import', page, '-o', out]).code).toBe(0);
    const model = JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>;
    expect(model).toMatchObject({ publishedOn: '2026-02-10', signedOn: '2026-02-05' });
    expect((model.otherMatters as string[]).at(-1)).not.toMatch(/2026年/);
    expect(ofRule(diagnosticsOf([page]).diagnostics, 'N008')).toEqual([
      expect.objectContaining({ messageId: 'late', pointer: '/publishedOn' }),
    ]);
  });

  test('a 发布时间 line above the text, and a 成文日期 cell of the information table a CMS prints', () => {
    const line = cmsPage(dir, 'line', { before: '<p>发布时间：2026年01月25日 10:30 来源：某市商务局</p>' });
    expect(ofRule(diagnosticsOf([line]).diagnostics, 'N008')).toEqual([]);
    const out = join(dir, 'line.json');
    expect(runCli(['import', line, '-o', out]).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ publishedOn: '2026-01-25' });

    const table = cmsPage(dir, 'table', {
      before:
        '<table><tr><td>索引号</td><td>000000/2026-00012</td><td>发布机构</td><td>某市商务局</td></tr>' +
        '<tr><td>成文日期</td><td>2026-02-12</td><td>发布日期</td><td>2026-02-14</td></tr></table>',
    });
    const tableOut = join(dir, 'table.json');
    expect(runCli(['import', table, '-o', tableOut]).code).toBe(0);
    expect(JSON.parse(readFileSync(tableOut, 'utf8'))).toMatchObject({
      publishedOn: '2026-02-14',
      signedOn: '2026-02-12',
    });
  });

  test('without a publication date, a 落款 after the deadline tells that the report was late', () => {
    const page = cmsPage(dir, 'signed', { signed: '2026-02-05' });
    expect(ofRule(diagnosticsOf([page]).diagnostics, 'N008')).toEqual([
      expect.objectContaining({
        messageId: 'late',
        pointer: '/signedOn',
        params: expect.objectContaining({ date: '2026-02-05', source: '落款日期，发布不会更早' }),
      }),
    ]);
  });
});
