import { checkImportRows, missingColumns, type ImportRow } from './agent-import.js';
import { idNumberCheckChar } from './id-number.js';

const id = (birth: string, seq: string) => `410402${birth}${seq}` + idNumberCheckChar(`410402${birth}${seq}`);
const places = {
  townships: [
    { id: 10, name: '曙光街街道', villages: [{ id: 100, name: '光明社区' }] },
    { id: 11, name: '焦店镇', villages: [] },
  ],
};
const row = (n: number, over: Partial<ImportRow> = {}): ImportRow => ({
  row: n,
  name: '王秀兰',
  gender: '女',
  idNumber: id('19850312', '042'),
  phone: '13937512345',
  township: '曙光街街道',
  village: '',
  appointedOn: '2024-03-01',
  ...over,
});
const ctx = { today: '2026-11-20', places, registeredIdNumbers: new Set<string>() };

describe('agent import rows', () => {
  it('turns good rows into agents, matching places by name and gender from the ID number when blank', () => {
    const { agents, problems } = checkImportRows(
      [
        row(2, { village: '光明社区' }),
        row(3, {
          name: '李娟',
          gender: '',
          idNumber: id('19900101', '024').toLowerCase(),
          phone: '13837512345',
          township: '焦店镇',
        }),
      ],
      ctx,
    );
    expect(problems).toEqual([]);
    expect(agents.map((a) => [a.row, a.townshipId, a.villageId, a.gender])).toEqual([
      [2, 10, 100, 'female'],
      [3, 11, null, 'female'],
    ]);
    expect(agents[1].idNumber).toMatch(/^\d{17}[\dX]$/);
  });

  it('reports every reason of every bad row, naming the column, and keeps nothing of a bad row', () => {
    const { agents, problems } = checkImportRows(
      [
        row(2),
        row(3, { idNumber: '410402198503120420', township: '不存在镇', phone: '123' }),
        row(4, {
          gender: '未知',
          village: '光明社区',
          township: '焦店镇',
          idNumber: id('19850312', '064'),
          phone: '13937500000',
        }),
        row(5, { phone: '13937511111' }),
        row(6, { name: '', idNumber: '', phone: '', township: '', appointedOn: '2030-01-01', gender: '' }),
      ],
      ctx,
    );
    expect(agents.map((a) => a.row)).toEqual([2]);
    const byRow = Object.fromEntries(problems.map((p) => [p.row, p.reasons]));
    expect(byRow[3]).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^乡镇\/街道：“不存在镇”/),
        expect.stringMatching(/^手机：/),
        expect.stringMatching(/^身份证号：/),
      ]),
    );
    expect(byRow[4]).toEqual(expect.arrayContaining(['性别：请填写“女”或“男”', '村/社区：“光明社区”不属于焦店镇']));
    expect(byRow[5]).toEqual(['身份证号：与第2行重复']);
    expect(byRow[6]).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^姓名：/),
        expect.stringMatching(/^选聘日期：日期不能晚于今天/),
        expect.stringMatching(/^乡镇\/街道：/),
      ]),
    );
  });

  it('refuses ID numbers already registered, skips blank rows and wants at least one row', () => {
    const { problems } = checkImportRows(
      [row(2), row(3, { name: '', gender: '', idNumber: '', phone: '', township: '', appointedOn: '' })],
      {
        ...ctx,
        registeredIdNumbers: new Set([id('19850312', '042')]),
      },
    );
    expect(problems).toEqual([{ row: 2, reasons: ['身份证号：该身份证号码已登记为代理员'] }]);
    expect(checkImportRows([], ctx).problems[0].reasons[0]).toContain('没有代理员数据');
    expect(missingColumns(['姓名', '性别', '身份证号'])).toEqual(['手机', '乡镇/街道', '村/社区', '选聘日期']);
  });
});
