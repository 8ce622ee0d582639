import { Badge, Box, H2, H4, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { ApiClient } from 'adminjs';
import React, { useEffect, useState } from 'react';
import { FiguresPending } from './figures-pending.js';

interface CountyCoverage {
  countyId: number;
  countyName: string;
  townships: number;
  counts: { none: number; one: number; two_or_more: number };
  uncovered: { townshipId: number; townshipName: string; activeAgents: number }[];
}

interface Data {
  today: string;
  counties: CountyCoverage[];
  villages: {
    countyId: number;
    townshipName: string;
    villageName: string;
    activeAgents: number;
    certifiedAgents: number;
  }[];
  error?: string;
}

const api = new ApiClient();

/** 创建标准 三: every township 1–2 certified agents. Shows the gaps by name. */
const CoveragePage: React.FC = () => {
  const [data, setData] = useState<Data | null>(null);
  useEffect(() => {
    api
      .getPage({ pageName: 'coverage' })
      .then((res) => setData(res.data as Data))
      .catch(() => setData({ today: '', counties: [], villages: [], error: '读取配备情况失败，请稍后重试' }));
  }, []);
  if (!data || data.error) return <FiguresPending error={data?.error} />;
  const total = data.counties.reduce(
    (sum, c) => ({
      none: sum.none + c.counts.none,
      one: sum.one + c.counts.one,
      many: sum.many + c.counts.two_or_more,
      all: sum.all + c.townships,
    }),
    { none: 0, one: 0, many: 0, all: 0 },
  );
  return (
    <Box variant="container" data-testid="coverage-page">
      <H2>乡镇（街道）持证代理员配备情况</H2>
      <Text mb="lg">
        创建标准：每个乡（镇、街道）配备1至2名持证代理员（持证上岗）。统计日期 {data.today}
        ，只计在岗且证书当日有效的代理员。 共 {total.all} 个乡镇（街道）：无持证代理员 {total.none} 个，1名 {total.one}{' '}
        个，2名及以上 {total.many} 个。
      </Text>
      <Table mb="xxl">
        <TableHead>
          <TableRow>
            <TableCell>县（市、区）</TableCell>
            <TableCell>乡镇（街道）数</TableCell>
            <TableCell>无持证代理员</TableCell>
            <TableCell>1名</TableCell>
            <TableCell>2名及以上</TableCell>
            <TableCell>无持证代理员的乡镇（街道）</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {data.counties.map((c) => (
            <TableRow key={c.countyId} data-testid={`coverage-county-${c.countyId}`}>
              <TableCell>{c.countyName}</TableCell>
              <TableCell>{c.townships}</TableCell>
              <TableCell>{c.counts.none ? <Badge variant="danger">{c.counts.none}</Badge> : 0}</TableCell>
              <TableCell>{c.counts.one}</TableCell>
              <TableCell>{c.counts.two_or_more}</TableCell>
              <TableCell>
                {c.uncovered.length
                  ? c.uncovered
                      .map(
                        (t) => `${t.townshipName}${t.activeAgents ? `（在岗${t.activeAgents}人，均无有效证书）` : ''}`,
                      )
                      .join('、')
                  : '—'}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <H4>村（社区）代理员</H4>
      {data.villages.length === 0 ? (
        <Text>暂无村（社区）代理员。</Text>
      ) : (
        <Table>
          <TableHead>
            <TableRow>
              <TableCell>县（市、区）</TableCell>
              <TableCell>乡镇（街道）</TableCell>
              <TableCell>村（社区）</TableCell>
              <TableCell>在岗代理员</TableCell>
              <TableCell>其中持证</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.villages.map((v, i) => (
              <TableRow key={i}>
                <TableCell>{data.counties.find((c) => c.countyId === v.countyId)?.countyName ?? ''}</TableCell>
                <TableCell>{v.townshipName}</TableCell>
                <TableCell>{v.villageName}</TableCell>
                <TableCell>{v.activeAgents}</TableCell>
                <TableCell>{v.certifiedAgents}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
};

export default CoveragePage;
