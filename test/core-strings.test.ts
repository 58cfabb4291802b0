// The string functions that replaced Node built-ins in the core (issue 19): they must give what Node gave.
import { styleText } from 'node:util';
import { painter, type Style, type StyleName } from '../src/reporters/paint';

const NAMES: StyleName[] = ['bold', 'red', 'green', 'yellow', 'gray'];
const STYLES: Style[] = [...NAMES, ['red', 'bold'], ['green', 'bold'], ['bold', 'gray'], []];

describe('painter', () => {
  it.each(STYLES.map((style) => [JSON.stringify(style), style] as const))(
    'writes %s as util.styleText does',
    (_name, style) => {
      for (const text of ['', '错误', '✖ 2 个错误', 'a b\tc'])
        expect(painter(true)(style, text)).toBe(
          (styleText as (style: Style, text: string, options: object) => string)(style, text, {
            validateStream: false,
          }),
        );
    },
  );

  it('leaves the text alone without colour', () => {
    for (const style of STYLES) expect(painter(false)(style, '错误')).toBe('错误');
  });
});
