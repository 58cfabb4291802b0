// Two of issue 22's smaller ones: a text file saved as UTF-16 (Notepad's "Unicode") is read as the text it is, and no
// output name starts with `-`, where the next command it is given to would take it for an option.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { outputBaseName, safeText } from '../src/output/output-names';
import { decodeText } from '../src/read/published/read-published';
import { readBytes } from '../src/read/read-input.node';
import { readJsonFixture, runCli, scratch } from './helpers';

const dir = scratch('report-text-names-');
const REPORT = '某市商务局2021年政府信息公开工作年度报告\n一、总体情况\n本年度共收到申请 47 件。\n';

/** Text with a byte-order mark, in UTF-16 of either byte order. */
function utf16(text: string, order: 'le' | 'be'): Buffer {
  const little = Buffer.from(`\ufeff${text}`, 'utf16le');
  return order === 'le' ? little : Buffer.from(little).swap16();
}

describe('UTF-16 text files', () => {
  it.each(['le', 'be'] as const)('UTF-16 %s with its byte-order mark decodes to the text', (order) => {
    const bytes = utf16(REPORT, order);
    expect(bytes[0]).toBe(order === 'le' ? 0xff : 0xfe);
    expect(decodeText(bytes)).toBe(REPORT);
  });

  it('UTF-8 and GB18030 are read as before', () => {
    expect(decodeText(Buffer.from(`\ufeff${REPORT}`))).toBe(REPORT);
    expect(decodeText(Buffer.from([0xc4, 0xb3, 0xca, 0xd0]))).toBe('某市');
  });

  it('a report saved as UTF-16 is read as its UTF-8 copy is', () => {
    const example = readJsonFixture('example-2021');
    const text = `${example.agency}2025年政府信息公开工作年度报告\n一、总体情况\n${(example.overview as string[]).join('\n')}\n`;
    const read = (bytes: Buffer) => readBytes(bytes, 'copy.txt', '.txt', { lenient: true });
    const wide = read(utf16(text, 'le'));
    expect(wide.model).toEqual(read(Buffer.from(text)).model);
    expect(wide.model.overview).toEqual(example.overview);
    expect(read(utf16(text, 'be')).model).toEqual(wide.model);
  });

  it('`report validate` of a UTF-16 file finds the report (it said it had no sections)', () => {
    const path = join(dir, 'utf16.txt');
    writeFileSync(path, utf16(REPORT, 'le'));
    const run = runCli(['validate', path, '--lang', 'en']);
    expect(run.stdout).not.toContain('holds none of the sections');
    expect(run.stdout).toContain('(2021 edition, read by the sections and labels of a published report)');
  });
});

describe('output names never start with a hyphen', () => {
  it.each([
    ['--force', '__force'],
    ['-o', '_o'],
    [' -rf', '_rf'],
    ['某-市', '某-市'],
  ])('%p → %p', (text, safe) => {
    expect(safeText(text)).toBe(safe);
  });

  it('an agency like `--force` or `-o` names its files without a leading hyphen', () => {
    const name = (agency: string) => outputBaseName({ agency, year: 2025 }, 'in.json', false);
    expect(name('--force')).toBe('__force2025年政府信息公开工作年度报告');
    expect(name('-o')).toBe('_o2025年政府信息公开工作年度报告');
    expect(outputBaseName({}, '-input.json', false)).toBe('_input');
  });

  it('`report build` of such a report writes `__force2025年…`', () => {
    const model = readJsonFixture('example-2021');
    model.agency = '--force';
    const input = join(dir, 'force.json');
    writeFileSync(input, JSON.stringify(model));
    const out = join(dir, 'force-out');
    expect(runCli(['build', input, '--to', 'json', '-o', out]).code).toBe(0);
    // Beside it, build's record of what it wrote there.
    expect(readdirSync(out).sort()).toEqual(['.report-written.json', '__force2025年政府信息公开工作年度报告.json']);
  });
});
