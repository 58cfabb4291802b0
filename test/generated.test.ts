// The committed schemas, rule docs and fixtures are exactly what the editions and rules generate.
import { generate, staleFiles } from '../scripts/generate';

describe('generated files', () => {
  it('are current (run `npm run generate` after changing an edition or a rule)', async () => {
    const files = await generate();
    expect(files.map((f) => f.path)).toEqual(
      expect.arrayContaining([
        'schemas/report-2019.schema.json',
        'schemas/report-2021.schema.json',
        'docs/rules/R301.md',
      ]),
    );
    expect(staleFiles(files)).toEqual([]);
  });
});
