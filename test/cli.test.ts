// The command line as users meet it: formats, languages, exit codes, config, --previous, standard input.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixture, ROOT, runCli, scratch } from './helpers';

const r301 = fixture('rules', 'R301', 'fail.json');
const r101 = fixture('rules', 'R101', 'fail.json');
const good = fixture('example-2021.json');

describe('report validate output formats', () => {
  it('text: grouped by file, a summary, no colour under NO_COLOR, colour when forced', () => {
    const run = runCli(['validate', good, r301]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${good}（2021年版，JSON）  ✓ 无错误`);
    expect(run.stdout).toContain(`${r301}（2021年版，JSON）\n  ✖ 错误  三 › 一、本年新收政府信息公开申请数量 › 总计`);
    expect(run.stdout.trim().split('\n').pop()).toBe('✖ 2 个文件：1 个错误，1 个警告');
    expect(run.stdout).not.toContain('\u001b[');
    const coloured = runCli(['validate', r301], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(coloured.stdout).toContain('\u001b[31m');
    expect(runCli(['validate', r301, '--no-color'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } }).stdout).not.toContain(
      '\u001b[',
    );
  });

  it('json: stable, documented shape', () => {
    const run = runCli(['validate', r301, '--format', 'json', '--lang', 'en']);
    expect(run.code).toBe(1);
    const output = JSON.parse(run.stdout);
    expect(output).toMatchObject({
      tool: 'report',
      formatVersion: 1,
      lang: 'en',
      summary: { files: 1, errors: 1, warnings: 1, unreadable: 0 },
    });
    expect(output.files[0]).toMatchObject({
      file: r301,
      status: 'invalid',
      edition: '2021',
      format: 'json',
      readAs: 'model',
    });
    // The one figure that breaks its row and its column's balance is named, with the value at which both hold.
    expect(output.files[0].diagnostics[0]).toEqual({
      ruleId: 'R301',
      severity: 'error',
      messageId: 'likelyCell',
      params: { value: 47, sums: 'the row "new requests this year" and the balance of the column "total"' },
      message:
        'III › new requests this year › total (/requests/newReceived/total) may be wrong: at 47, the row "new requests this year" and the balance of the column "total" would hold; it is 48',
      pointer: '/requests/newReceived/total',
      label: '三 › 一、本年新收政府信息公开申请数量 › 总计',
      expected: 47,
      actual: 48,
      related: ['/requests/carriedForward/total'],
    });
  });

  it('junit: a suite per file, a case per diagnostic, failing for an error and passing for a warning', () => {
    const run = runCli(['validate', good, r301, '--format', 'junit']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="report validate" tests="3" failures="1" errors="0">/,
    );
    expect(run.stdout).toContain(`<testsuite name="${r301}" tests="2" failures="1" errors="0">`);
    expect(run.stdout).toMatch(/name="N001 \/requests\/newReceived\/total"><system-out>warning: /);
    expect(run.stdout).toContain('<testcase classname="');
    expect(run.stdout).toContain(
      'name="R301 /requests/newReceived/total"><failure message="三 › 一、本年新收政府信息公开申请数量 › 总计',
    );
    expect(run.stdout).toContain(`<testsuite name="${good}" tests="1" failures="0" errors="0">`);
  });

  it('github: workflow annotations with the place in the message', () => {
    const run = runCli(['validate', r301, r101, '--format', 'github']);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(
      /^::error file=.*R301\/fail\.json,title=R301::三 › 一、本年新收政府信息公开申请数量 › 总计（\/requests\/newReceived\/total）可能有误：为 47 时/,
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^::warning file=.*R101\/fail\.json,title=R101::2020 年度报告应使用 2019 年版格式/),
    );
  });
});

describe('report validate exit codes and options', () => {
  it('0 for a clean file, 1 for errors, 2 when any file is unreadable (the worst wins)', () => {
    expect(runCli(['validate', good]).code).toBe(0);
    expect(runCli(['validate', good, r301]).code).toBe(1);
    const mixed = runCli(['validate', good, r301, 'missing.json', '--format', 'json']);
    expect(mixed.code).toBe(2);
    const output = JSON.parse(mixed.stdout);
    expect(output.files[2]).toMatchObject({
      file: 'missing.json',
      status: 'unreadable',
      error: { messageId: 'notFound' },
    });
    expect(output.summary).toEqual({ files: 3, errors: 1, warnings: 1, unreadable: 1, explained: 0, decided: 0 });
  });

  it('warnings alone exit 0; --max-warnings turns too many into 1; --quiet hides them', () => {
    expect(runCli(['validate', r101]).code).toBe(0);
    // Said on standard error only, with no id: checked in English words.
    const strict = runCli(['validate', r101, '--max-warnings', '0', '--lang', 'en']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('1 warnings exceed --max-warnings 0');
    expect(runCli(['validate', r101, '--max-warnings', '1']).code).toBe(0);
    expect(runCli(['validate', r101, '--quiet']).stdout).not.toContain('应使用 2019 年版格式');
    expect(runCli(['validate', r101]).stdout).toContain('应使用 2019 年版格式');
    expect(runCli(['validate', r101, '--max-warnings', 'many']).code).toBe(2);
  });

  it('--quiet prints only the files that need a look (errors, unreadable), then the totals of every file', () => {
    const files = [good, r101, r301, 'missing.json'];
    const quiet = runCli(['validate', ...files, '--quiet']);
    expect(quiet.code).toBe(2);
    expect(quiet.stdout).not.toContain(good);
    expect(quiet.stdout).not.toContain(r101);
    expect(quiet.stdout).toContain(`${r301}（2021年版，JSON）\n  ✖ 错误`);
    expect(quiet.stdout).not.toContain('⚠');
    expect(quiet.stdout).toContain('missing.json\n  ✖ 找不到文件 missing.json');
    expect(quiet.stdout.trim().split('\n').pop()).toBe('✖ 4 个文件：1 个错误，2 个警告，1 个无法读取');
    // All clean: the totals line alone.
    expect(runCli(['validate', good, r101, '--quiet', '--lang', 'en']).stdout).toBe('✓ 2 files: 0 errors, 1 warning\n');
    // The other formats keep every file, with errors only, as before.
    const json = JSON.parse(runCli(['validate', good, r101, r301, '--quiet', '--format', 'json']).stdout);
    expect(json.files.map((f: { diagnostics: unknown[] }) => f.diagnostics.length)).toEqual([0, 0, 1]);
    expect(json.summary).toMatchObject({ files: 3, errors: 1, warnings: 0 });
  });

  it('--previous runs the cross-year rules; an unreadable previous report is exit 2', () => {
    const dir = fixture('rules', 'X301');
    const run = runCli([
      'validate',
      join(dir, 'fail.json'),
      '--previous',
      join(dir, 'fail.previous.json'),
      '--lang',
      'en',
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('should be 2 (carried forward in the 2024 report), is 3');
    expect(runCli(['validate', join(dir, 'fail.json')]).code).toBe(0);
    // A refusal of the whole run, on standard error with no id: checked in English words.
    const missing = runCli(['validate', good, '--previous', 'nowhere.json', '--lang', 'en']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('report: last year’s report cannot be read: file not found: nowhere.json\n');
  });

  it('--previous of another body or not the year before: a warning in every format, the cross-year rules skipped', () => {
    const x301 = (name: string) => fixture('rules', 'X301', name);
    // example-2019.json is 某县人民政府办公室's report for 2020: X301 would fail on it, were it compared.
    const args = ['validate', x301('fail.json'), '--previous', fixture('example-2019.json')];
    const text = runCli(args);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      `上年报告 ${fixture('example-2019.json')} 是“某县人民政府办公室”2020 年度的报告，而本报告是“某市商务局”2025 年度的报告：不是同一机关的上一年度，跨年度规则（X301 X201 X202 Q101 X100）未检查  input`,
    );
    expect(text.stdout).not.toContain('✖');
    const json = JSON.parse(runCli([...args, '--format', 'json']).stdout);
    expect(
      json.files[0].diagnostics.map((d: { ruleId: string; messageId: string; severity: string }) => [
        d.ruleId,
        d.messageId,
        d.severity,
      ]),
    ).toEqual([['input', 'previousMismatch', 'warning']]);
    expect(runCli([...args, '--format', 'github']).stdout).toContain('::warning');
    expect(runCli([...args, '--format', 'junit']).stdout).toContain('跨年度规则（X301 X201 X202 Q101 X100）未检查');
    // Not the year before, though the same body: said too.
    const sameYear = runCli(['validate', x301('fail.json'), '--previous', x301('fail.json'), '--format', 'json']);
    expect(JSON.parse(sameYear.stdout).files[0].diagnostics).toMatchObject([
      {
        ruleId: 'input',
        messageId: 'previousMismatch',
        params: { previousAgency: '某市商务局', previousYear: 2025, agency: '某市商务局', year: 2025 },
      },
    ]);
    expect(sameYear.code).toBe(0);
  });

  it('reads standard input with -', () => {
    const run = runCli(['validate', '-', '--format', 'json'], { input: readFileSync(r301) });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).files[0]).toMatchObject({
      file: '<stdin>',
      status: 'invalid',
      edition: '2021',
      format: 'json',
      diagnostics: [{ ruleId: 'R301', messageId: 'likelyCell', pointer: '/requests/newReceived/total' }, {}],
    });
    const workbook = runCli(['validate', '-', '--format', 'json'], {
      input: readFileSync(fixture('example-2021.xlsx')),
    });
    expect(JSON.parse(workbook.stdout).files[0]).toMatchObject({ status: 'ok', readAs: 'template', format: 'xlsx' });
  });

  it('takes report.config.json from the working folder: language and rules', () => {
    const dir = scratch();
    writeFileSync(
      join(dir, 'report.config.json'),
      JSON.stringify({ lang: 'en', rules: { 'edition-year': 'error', R303: 'off' } }),
    );
    const run = runCli(['validate', r101, r301], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✖ error  a report for 2020 should use the 2019 edition');
    expect(run.stdout).not.toContain('R303');
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ rules: { R999: 'off' } }));
    const bad = runCli(['validate', good, '--config', join(dir, 'bad.json'), '--lang', 'en']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('rules.R999: unknown rule');
  });

  it('takes the thresholds of Q101 from the config, and refuses wrong ones', () => {
    const dir = scratch();
    const q101 = (name: string) => fixture('rules', 'Q101', name);
    const args = ['validate', q101('fail.json'), '--previous', q101('fail.previous.json'), '--format', 'json'];
    const jumps = (config: unknown) => {
      writeFileSync(join(dir, 'report.config.json'), JSON.stringify(config));
      const run = runCli(args, { cwd: dir });
      return JSON.parse(run.stdout).files[0].diagnostics.filter((d: { ruleId: string }) => d.ruleId === 'Q101').length;
    };
    expect(jumps({})).toBe(2);
    expect(jumps({ thresholds: { Q101: { factor: 10 } } })).toBe(0);
    expect(jumps({ thresholds: { 'year-on-year-jump': { minimum: 31 } } })).toBe(1);
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ thresholds: { Q101: { factor: 0.5 } } }));
    const bad = runCli(['validate', good, '--config', join(dir, 'bad.json')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      `report: 配置文件 ${join(dir, 'bad.json')} 有误：thresholds.Q101.factor：0.5 不可用（应为 > 1）\n`,
    );
  });

  it('refuses unknown options and values with exit 2', () => {
    expect(runCli(['validate', good, '--format', 'xml']).code).toBe(2);
    expect(runCli(['validate', good, '--lang', 'fr']).stderr).toContain('--lang 只能是 zh 或 en');
    expect(runCli(['validate', good, '--bogus']).code).toBe(2);
    expect(runCli(['validate']).code).toBe(2);
    expect(runCli(['frobnicate']).code).toBe(2);
  });

  // Commander words its errors in English; each is said in the user's language, pointing to --help, exit 2.
  it.each([
    [
      ['validate'],
      '缺少参数 <inputs>。用法见 report validate --help',
      'the argument <inputs> is missing. See report validate --help',
    ],
    [
      ['validate', good, '--bogus'],
      '不认识的选项 --bogus。用法见 report validate --help',
      'unknown option --bogus. See report validate --help',
    ],
    [
      ['validate', good, '--formt', 'json'],
      '不认识的选项 --formt（是否想输入 --format？）。用法见 report validate --help',
      'unknown option --formt (did you mean --format?). See report validate --help',
    ],
    [
      ['build', good, good],
      '参数太多：report build 只接受 1 个参数，实际给了 2 个。用法见 report build --help',
      'too many arguments: report build takes 1, was given 2. See report build --help',
    ],
    [
      ['template'],
      '缺少必需的选项 -o, --output <file>。用法见 report template --help',
      'the option -o, --output <file> is required. See report template --help',
    ],
    [
      ['validate', good, '--previous'],
      '选项 --previous <file> 缺少取值。用法见 report validate --help',
      'the option --previous <file> needs a value. See report validate --help',
    ],
    [
      ['validate', good, '--format', 'xml'],
      '选项 --format <format> 的取值 xml 无效，可选：text, json, junit, github, sarif, gitlab。用法见 report validate --help',
      'the option --format <format> does not take xml; the choices are text, json, junit, github, sarif, gitlab. See report validate --help',
    ],
    [
      ['frobnicate'],
      '不认识的命令 frobnicate；可用的命令：validate, template, build, import, convert, diff, page, schema, rules。用法见 report --help',
      'unknown command frobnicate; the commands are: validate, template, build, import, convert, diff, page, schema, rules. See report --help',
    ],
  ])('report %j: one line in Chinese, or English with --lang en, REPORT_LANG or the config', (args, zh, en) => {
    const chinese = runCli(args);
    expect(chinese).toMatchObject({ code: 2, stdout: '', stderr: `report: ${zh}\n` });
    // --lang right after the command, so that an option missing its value at the end stays so.
    expect(runCli([args[0] as string, '--lang', 'en', ...args.slice(1)]).stderr).toBe(`report: ${en}\n`);
    expect(runCli(args, { env: { REPORT_LANG: 'en' } }).stderr).toBe(`report: ${en}\n`);
    const dir = scratch();
    writeFileSync(join(dir, 'report.config.json'), JSON.stringify({ lang: 'en' }));
    expect(runCli(args, { cwd: dir }).stderr).toBe(`report: ${en}\n`);
  });

  it('report --help lists every input kind and the options every command takes, in the user’s language', () => {
    const zh = runCli(['--help']);
    expect(zh.code).toBe(0);
    for (const kind of ['.xlsx', '.xlsm', '.xls', '.et', '.ods', '.json', '.html', '.htm', '.txt', '.docx', '.pdf'])
      expect(zh.stdout).toMatch(new RegExp(`\\s\\${kind}\\s`));
    for (const option of ['--lang zh|en', '--config FILE', '--no-color', '--debug'])
      expect(zh.stdout).toContain(option);
    expect(zh.stdout).toContain('标准输入（最多 20 MB）');
    expect(runCli(['--help'], { env: { REPORT_LANG: 'en' } }).stdout).toContain('standard input (up to 20 MB)');
  });

  it('template --year outside 2019 … next year is refused with the reason', () => {
    const next = new Date().getFullYear() + 1;
    const dir = scratch();
    for (const year of ['2018', String(next + 1)]) {
      const run = runCli(['template', '--year', year, '-o', join(dir, 'x.xlsx')]);
      expect(run).toMatchObject({ code: 2, stdout: '' });
      expect(run.stderr).toBe(
        `report: --year 应在 2019 到 ${next} 之间，实际为 ${year}：官方格式自 2019 年度起施行，模板只能为已有的或下一年度生成\n`,
      );
    }
    expect(runCli(['template', '--year', String(next), '-o', join(dir, 'next.xlsx')]).code).toBe(0);
  });
});

describe('report schema, rules, --version', () => {
  it('prints the committed schema of each edition', () => {
    for (const edition of ['2019', '2021']) {
      const run = runCli(['schema', '--edition', edition]);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(readFileSync(join(ROOT, 'schemas', `report-${edition}.schema.json`), 'utf8'));
    }
    expect(runCli(['schema']).stdout).toContain('"const": "2021"');
    expect(runCli(['schema', '--edition', '2020']).code).toBe(2);
  });

  it('lists every rule with id, name, severity and description', () => {
    const run = runCli(['rules', '--lang', 'en']);
    expect(run.code).toBe(0);
    for (const id of ['schema', 'input', 'R101', 'R102', 'R301', 'R302', 'R303', 'R401', 'X301', 'X201']) {
      expect(run.stdout).toMatch(new RegExp(`^${id}\\s+[a-z-]+\\s+(error|warning)\\s+\\S`, 'm'));
    }
    const json = JSON.parse(runCli(['rules', '--format', 'json']).stdout);
    expect(json.find((rule: { id: string }) => rule.id === 'R303')).toEqual({
      id: 'R303',
      name: 'requests-balance',
      severity: 'error',
      description: '三：第一项加第二项之和等于第三项（七）总计加第四项之和，逐列成立',
      docs: 'docs/rules/R303.md',
    });
  });

  it('explains one rule by id or name, in the chosen language, from the same metadata as docs/rules/', () => {
    const zh = runCli(['rules', 'R303']);
    expect(zh.code).toBe(0);
    expect(zh.stdout.split('\n')[0]).toBe('R303 · requests-balance');
    expect(zh.stdout).toContain('默认级别: 错误');
    expect(zh.stdout).toContain('docs/rules/R303.md');
    const page = readFileSync(join(ROOT, 'docs', 'rules', 'R303.md'), 'utf8');
    const details = zh.stdout.split('\n')[7] as string;
    expect(page).toContain(details);
    const en = runCli(['rules', 'year-on-year-jump', '--lang', 'en']);
    expect(en.stdout).toMatch(/^Q101 · year-on-year-jump\n/);
    expect(en.stdout).toContain('across years:');
    expect(en.stdout).toContain('"thresholds": { "Q101": { "factor": 5, "minimum": 10 } }');
    const unknown = runCli(['rules', 'R999', '--lang', 'en']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no rule has the id or name R999');
  });

  it('names the command that explains the rules a text report mentions', () => {
    const run = runCli(['validate', r301, '--lang', 'en']);
    expect(run.stdout.trimEnd().split('\n').slice(-2)).toEqual([
      'to read about a rule: report rules <id> (here: R301 N001)',
      '✖ 1 file: 1 error, 1 warning',
    ]);
  });

  it('prints the version', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(runCli(['--version']).stdout.trim()).toBe(manifest.version);
  });
});
