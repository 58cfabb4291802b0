// The check every XML part of a zip workbook passes before SheetJS parses it (src/read/xml-well-formed.ts).
import { MAX_XML_DEPTH, xmlProblem } from '../src/read/xml-well-formed';

describe('an XML part is well formed', () => {
  test.each([
    ['a declaration, a root and self-closing children', '<?xml version="1.0"?><a><b/><c x="1"/></a>'],
    ['comments, CDATA and quotes holding < and >', '<a><!-- <b> --><![CDATA[<c>]]><d v="x>y" w=\'<\'/></a>'],
    ['a DOCTYPE with an internal subset', '<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>'],
    [
      'namespaced names and text between tags',
      '<table:table-row><table:table-cell>1 &lt; 2</table:table-cell></table:table-row>',
    ],
    ['no markup at all', 'plain'],
    ['names and text beyond ASCII', '<表 名="一、总体情况"><行>自然人 ＜ 1 ＞</行><空/></表>'],
    ['blanks before a closing tag ends', '<a><b></b \n></a >'],
  ])('%s', (_name, xml) => {
    expect(xmlProblem(xml)).toBeUndefined();
  });

  test.each([
    ['an element never closed', '<a><b></b>', /<a> never closed/],
    ['a row left open before the next', '<t><row><cell/><row><cell/></row></t>', /never closed|closes nothing/],
    ['a closing tag of another element', '<a><b></a></b>', /closes nothing open/],
    ['two roots', '<a/><b/>', /more than one root/],
    ['an unclosed comment', '<a><!-- x</a>', /unclosed comment/],
    ['a tag cut off', '<a><b x="1"', /unclosed tag/],
    ['a closing tag longer than the name it closes', '<表><行></行列></表>', /<\/行列> closes nothing open/],
    ['a closing tag shorter than the name it closes', '<行列></行>', /<\/行> closes nothing open/],
    ['nesting past the limit', `${'<p>'.repeat(MAX_XML_DEPTH + 1)}${'</p>'.repeat(MAX_XML_DEPTH + 1)}`, /nested over/],
  ])('not: %s', (_name, xml, problem) => {
    expect(xmlProblem(xml)).toMatch(problem);
  });
});

test('the bytes of a part, as read from the zip, are judged as their text is', () => {
  for (const xml of ['<表><行>一</行></表>', '<表><行>一</表>', '<a><!-- 注 --></a>', '<a x="》<"/>'])
    expect(xmlProblem(new TextEncoder().encode(xml))).toBe(xmlProblem(xml));
  expect(xmlProblem(new TextEncoder().encode('<表><行>一</表>'))).toMatch(/<\/表> closes nothing open/);
});
