// The rule fixtures as code: each is a base report plus a small patch; `npm run generate` writes them to fixtures/rules/.
export type Patch = Readonly<Record<string, unknown>>;

export interface RuleFixture {
  base: 'example-2021' | 'example-2019';
  /** Pointer → value; `undefined` removes the key. */
  pass: Patch;
  fail: Patch;
  /** Cross-year rules: last year's report, as patches of the same base. */
  previous?: { pass: Patch; fail: Patch };
  /** The `input` checks need a workbook: the fail fixture is a filled template with these cell texts. */
  workbookCells?: Readonly<Record<string, string>>;
}

/** Last year's report as the 2021 example with a year and carry-forward that agree with this year's. */
const lastYear = {
  '/year': 2024,
  '/requests/carriedForward': {
    natural: 3,
    commercial: 1,
    research: 0,
    publicInterest: 0,
    legalService: 0,
    otherOrg: 0,
    total: 4,
  },
  '/proactive/normativeDocs/inForce': 25,
};

/** Last year's 2019-edition report of the county: its carry-forward and item counts roll into 2020's. */
const county2019 = {
  '/year': 2019,
  '/overview/0':
    '2019年，县政府办公室认真贯彻《中华人民共和国政府信息公开条例》，以公开为常态、不公开为例外，推进决策、执行、管理、服务、结果公开。',
  '/requests/carriedForward': {
    natural: 3,
    commercial: 1,
    research: 0,
    publicInterest: 0,
    legalService: 0,
    otherOrg: 0,
    total: 4,
  },
  '/proactive/licensing': { previousCount: 110, change: 2, decisions: 2105 },
  '/proactive/otherServices': { previousCount: 33, change: 2, decisions: 431 },
  '/proactive/fees': { previousCount: 5, change: -1 },
};

/** A request dropped for an unpaid fee instead of for a missing correction: the arithmetic still holds. */
const unpaidFee = {
  '/requests/results/other/overdueCorrection/natural': 0,
  '/requests/results/other/overdueCorrection/total': 0,
  '/requests/results/other/overdueFee/natural': 1,
  '/requests/results/other/overdueFee/total': 1,
};

export const ruleFixtures: Readonly<Record<string, RuleFixture>> = {
  input: {
    base: 'example-2021',
    pass: {},
    fail: {},
    workbookCells: { 'requests.newReceived.natural': '38件', 'requests.newReceived.commercial': '５' },
  },
  schema: {
    base: 'example-2021',
    pass: {},
    fail: { '/appeals/review/pending': -1, '/proactive/fees/amount': 12.34567 },
  },
  R101: { base: 'example-2021', pass: {}, fail: { '/year': 2020 } },
  R102: { base: 'example-2019', pass: {}, fail: { '/overview': [], '/problems': ['  '] } },
  R301: { base: 'example-2021', pass: {}, fail: { '/requests/newReceived/total': 48 } },
  R302: {
    base: 'example-2021',
    pass: {},
    fail: { '/requests/results/granted/natural': 16, '/requests/results/granted/total': 20 },
  },
  R303: {
    base: 'example-2021',
    pass: {},
    fail: { '/requests/carriedForward/natural': 3, '/requests/carriedForward/total': 5 },
  },
  R401: { base: 'example-2021', pass: {}, fail: { '/appeals/review/total': 5 } },
  N001: {
    base: 'example-2021',
    pass: {},
    fail: {
      '/overview/4':
        '全年共收到政府信息公开申请 45 件，上年结转 4 件；已办结 47 件，其中予以公开 19 件、部分公开 5 件、不予公开 7 件、无法提供 12 件、不予处理 3 件、其他处理 1 件，结转下年度继续办理 4 件。全年因政府信息公开被申请行政复议 5 件、提起行政诉讼 3 件。',
    },
  },
  X301: {
    base: 'example-2021',
    pass: {},
    fail: {},
    previous: {
      pass: lastYear,
      fail: {
        ...lastYear,
        '/requests/carriedForward': {
          natural: 2,
          commercial: 1,
          research: 0,
          publicInterest: 0,
          legalService: 0,
          otherOrg: 0,
          total: 3,
        },
      },
    },
  },
  X201: {
    base: 'example-2021',
    pass: {},
    fail: {},
    previous: {
      pass: lastYear,
      fail: { ...lastYear, '/proactive/normativeDocs/inForce': 30 },
    },
  },
  R201: { base: 'example-2019', pass: {}, fail: { '/proactive/normativeDocs/newlyPublished': 70 } },
  X202: {
    base: 'example-2019',
    pass: {},
    fail: {},
    previous: {
      pass: county2019,
      fail: { ...county2019, '/proactive/licensing': { previousCount: 100, change: 2, decisions: 2105 } },
    },
  },
  Q101: {
    base: 'example-2021',
    pass: {},
    fail: {},
    previous: {
      pass: lastYear,
      fail: {
        ...lastYear,
        '/requests/newReceived/total': 240,
        '/appeals/litigationDirect/total': 20,
        '/appeals/litigationAfterReview/total': 10,
      },
    },
  },
  N002: {
    base: 'example-2021',
    pass: {},
    fail: {
      '/overview/0':
        '本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。2024年，某市商务局认真贯彻落实《中华人民共和国政府信息公开条例》，持续深化政务公开。',
    },
  },
  N003: {
    base: 'example-2021',
    pass: unpaidFee,
    fail: { ...unpaidFee, '/otherMatters': ['无。'] },
  },
};

export function applyPatch<T>(base: T, patch: Patch): T {
  const copy = structuredClone(base) as Record<string, unknown>;
  for (const [pointer, value] of Object.entries(patch)) {
    const keys = pointer.split('/').slice(1);
    let node = copy;
    for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
    const last = keys[keys.length - 1] as string;
    if (value === undefined) delete node[last];
    else node[last] = value;
  }
  return copy as T;
}
