import { defineCases } from '../rule-cases';
import { textQuality } from './text-quality';

const typedTwice = '下一步，我局将加强资金资金监管，做好答复的的审核工作。';
const halfWidth = '下一步,我局将丰富解读形式(图解、视频);加强审核:定期开展案例分析，持续提升质量。';
const unpaired = '本年度未收取信息处理费，开展“政务公开日活动，宣传《条例。';

export const cases = defineCases(textQuality, {
  base: 'example-2021',
  valid: [
    { name: 'the 2021 example' },
    { name: 'the 2019 example', base: 'example-2019' },
    {
      name: 'doublings that are words: 实实在在, 的的确确, 常常, 研究研究, 一个一个, 一对对, 不甚了了, 二〇二〇',
      patch: {
        '/problems/1':
          '下一步，我局将实实在在、的的确确做好工作，常常研究研究群众关切，一个一个落实，一对对结对帮扶，人人参与，天天更新，对不甚了了的问题做到了了分明，延续二〇二〇年以来的做法。',
      },
    },
    {
      name: 'a text written wholly in half-width marks is not flagged place by place; 1,234 and a web address are no Chinese text',
      base: 'example-2019',
      patch: {
        '/overview': ['2020年,县政府办公室认真贯彻《条例》(2019年修订),推进决策、执行、管理、服务、结果公开。'],
        '/problems': [
          '政府信息公开工作与群众期待仍有差距;下一步将加强培训,网址:http://www.example.gov.cn,访问量1,234次。',
        ],
      },
    },
  ],
  invalid: [
    {
      name: 'a word and a particle typed twice',
      patch: { '/problems/1': typedTwice },
      diagnostics: [
        {
          messageId: 'repeatedWord',
          pointer: '/problems/1',
          params: { word: '资金资金', excerpt: '…一步，我局将加强资金资金监管，做好答复的…' },
        },
        {
          messageId: 'repeatedWord',
          pointer: '/problems/1',
          params: { word: '的的', excerpt: '…金监管，做好答复的的审核工作。' },
        },
      ],
    },
    {
      // The example writes ，；（） but never ：, so the half-width colon is its habit, not a slip: not flagged.
      name: 'half-width comma, semicolon and brackets among Chinese text that elsewhere writes them full-width',
      patch: { '/problems/1': halfWidth },
      diagnostics: [
        {
          messageId: 'halfWidth',
          pointer: '/problems/1',
          params: { mark: ',', count: 1, full: '，', excerpt: '下一步,我局将丰富解读形…' },
        },
        {
          messageId: 'halfWidth',
          pointer: '/problems/1',
          params: { mark: ';', count: 1, full: '；', excerpt: '…式(图解、视频);加强审核:定期开…' },
        },
        {
          messageId: 'halfWidth',
          pointer: '/problems/1',
          params: { mark: '()', count: 1, full: '（）', excerpt: '…局将丰富解读形式(图解、视频);加…' },
        },
      ],
    },
    {
      name: 'a quote and a title mark without their partners',
      patch: { '/otherMatters/0': unpaired },
      diagnostics: [
        {
          messageId: 'unbalanced',
          pointer: '/otherMatters/0',
          params: { mark: '“', partner: '”', excerpt: '…信息处理费，开展“政务公开日活动，…' },
        },
        {
          messageId: 'unbalanced',
          pointer: '/otherMatters/0',
          params: { mark: '《', partner: '》', excerpt: '…公开日活动，宣传《条例。' },
        },
      ],
    },
  ],
});
