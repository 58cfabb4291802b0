import { readNumberCell, readYearCell } from '../src/read/cell-value';

describe('reading what people type into number cells', () => {
  it.each([
    [12, 12],
    ['12', 12],
    [' 1 2 ', 12],
    ['12\u3000', 12],
    ['1,234', 1234],
    ['0', 0],
  ])('reads %p as %p without a note', (raw, value) => {
    expect(readNumberCell(raw, 'count')).toEqual({ kind: 'number', value });
  });

  it('reads full-width digits with a warning note quoting the original', () => {
    expect(readNumberCell('１２', 'count')).toEqual({
      kind: 'number',
      value: 12,
      note: { messageId: 'fullWidthDigits', text: '１２', value: 12 },
    });
  });

  it.each(['12件', '一', 'abc', '1.2.3', 'TRUE'])('refuses %p as not a number', (raw) => {
    expect(readNumberCell(raw, 'count')).toEqual({ kind: 'invalid', messageId: 'notANumber', text: raw });
  });

  it.each(['—', '/', '无', '-', '不适用'])(
    'refuses the placeholder %p when strict, reads it as 0 when lenient',
    (raw) => {
      expect(readNumberCell(raw, 'count')).toEqual({ kind: 'invalid', messageId: 'placeholder', text: raw });
      expect(readNumberCell(raw, 'count', { lenient: true })).toEqual({
        kind: 'number',
        value: 0,
        note: { messageId: 'placeholderAsZero', text: raw, value: 0 },
      });
    },
  );

  it('treats empty and blank text as blank, not as zero', () => {
    expect(readNumberCell(undefined, 'count')).toEqual({ kind: 'blank' });
    expect(readNumberCell('  ', 'count')).toEqual({ kind: 'blank' });
  });

  it('keeps negative and decimal numbers for the schema to judge', () => {
    expect(readNumberCell('-3', 'count')).toEqual({ kind: 'number', value: -3 });
    expect(readNumberCell(2.5, 'count')).toEqual({ kind: 'number', value: 2.5 });
  });

  it('reads 减4 / 增3 in the 2019 本年增/减 column with a note', () => {
    expect(readNumberCell('减4', 'signedCount')).toMatchObject({
      kind: 'number',
      value: -4,
      note: { messageId: 'wordSign' },
    });
    expect(readNumberCell('增3', 'signedCount')).toMatchObject({ kind: 'number', value: 3 });
    expect(readNumberCell('减4', 'count')).toMatchObject({ kind: 'invalid' });
  });

  it('converts amounts written in 元 to 万元 and says so', () => {
    expect(readNumberCell('251000元', 'amount')).toEqual({
      kind: 'number',
      value: 25.1,
      note: { messageId: 'yuanConverted', text: '251000元', value: 25.1 },
    });
    expect(readNumberCell('52.15万元', 'amount')).toEqual({ kind: 'number', value: 52.15 });
  });

  it('reads the report year written as text', () => {
    expect(readYearCell('2025年')).toBe(2025);
    expect(readYearCell('２０２５')).toBe(2025);
    expect(readYearCell('明年')).toBe('明年');
  });
});
