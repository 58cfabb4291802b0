// A browser's check of an HTML class's truth: the page is drawn again with its cells marked (html.ts withMarks), and
// Chromium says for every figure cell whether it is shown, what text it shows, and whether it stands under the header
// of its column and beside the label of its row. A class whose truth disagrees with what the browser shows is a bug
// of the generator, not of the reader.
import { chromium } from 'playwright-core';

export interface PageCheck {
  name: string;
  html: string;
  /** Skip the geometric header check (a class whose header is knowingly a column off, read by order). */
  noHeaderCheck?: boolean;
}

interface Finding {
  pointer: string;
  problem: string;
}

/** Runs in the page (as source: this project compiles without the DOM's types): every marked figure cell. */
const INSPECT = `(noHeaderCheck) => {
  const findings = [];
  const squeeze = (text) => text.replace(/\\s+/g, '');
  const boxOf = (element) => element.getBoundingClientRect();
  const shown = (element) => {
    const box = boxOf(element);
    return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
  };
  const headers = [...document.querySelectorAll('[data-w-col]')].filter(shown);
  const labels = [...document.querySelectorAll('[data-w-row]')].filter(shown);
  for (const cell of document.querySelectorAll('[data-w-fig]')) {
    const pointer = cell.dataset.wFig || '';
    if (!shown(cell)) {
      findings.push({ pointer, problem: 'not shown' });
      continue;
    }
    const text = squeeze(cell.innerText);
    const printed = squeeze(cell.dataset.wText || '');
    if (text !== printed) findings.push({ pointer, problem: 'shows "' + text + '", printed "' + printed + '"' });
    const keys = pointer.split('/');
    const column = keys[keys.length - 1];
    const row = keys[keys.length - 2];
    const wanted = keys[1] === 'appeals' ? [row + '/' + column, column] : [column];
    const box = boxOf(cell);
    const centreX = (box.left + box.right) / 2;
    const centreY = (box.top + box.bottom) / 2;
    const table = cell.closest('table');
    if (!noHeaderCheck) {
      // The nearest header cell above that spans the figure's centre, in this table or a header-only table above.
      const above = headers
        .filter((header) => {
          const b = boxOf(header);
          return b.left <= centreX && centreX <= b.right && b.bottom <= box.top + 1;
        })
        .filter((header) => header.closest('table') === table || !table.querySelector('[data-w-col]'))
        .sort((a, b) => boxOf(b).bottom - boxOf(a).bottom);
      // Over 四's outcome headers stand its group headers, keyed by the group: not a column's header.
      const nearest = above.find((header) => keys[1] !== 'appeals' || header.dataset.wCol !== row);
      if (!nearest) findings.push({ pointer, problem: 'no header above' });
      else if (!wanted.includes(nearest.dataset.wCol)) findings.push({ pointer, problem: 'under header ' + nearest.dataset.wCol });
    }
    if (keys[1] !== 'appeals' || labels.some((label) => label.closest('table') === table)) {
      const beside = labels.filter((label) => {
        const b = boxOf(label);
        return label.closest('table') === table && b.top <= centreY && centreY <= b.bottom && b.right <= box.left + 1;
      });
      if (!beside.some((label) => label.dataset.wRow === row)) {
        findings.push({ pointer, problem: 'beside ' + (beside.map((label) => label.dataset.wRow).join(',') || 'no label') });
      }
    }
  }
  return findings;
}`;

export async function verifyPages(pages: readonly PageCheck[]): Promise<Map<string, string[]>> {
  const results = new Map<string, string[]>();
  if (pages.length === 0) return results;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    for (const check of pages) {
      await page.setContent(check.html, { waitUntil: 'load' });
      const findings = (await page.evaluate(`(${INSPECT})(${check.noHeaderCheck ? 'true' : 'false'})`)) as Finding[];
      results.set(
        check.name,
        findings.map((finding) => `${finding.pointer}: ${finding.problem}`),
      );
    }
  } finally {
    await browser.close();
  }
  return results;
}
