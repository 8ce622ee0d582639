import { Box, Button, H4, Label, MessageBox, Text } from '@adminjs/design-system';
import { ApiClient, type ActionProps } from 'adminjs';
import React, { useEffect, useState } from 'react';
import { SimpleTable } from './simple-table.js';

interface Outcome {
  rows: number;
  problems: { row: number; reasons: string[] }[];
  imported: boolean;
  error?: string;
}

const api = new ApiClient();
const FILES = '/admin/files/agents';

/**
 * 从Excel导入代理员: download the template, upload the filled sheet for a check (nothing is written),
 * see every bad row with its reasons, then import — all rows or none.
 */
const AgentImport: React.FC<ActionProps> = ({ resource, action }) => {
  const [counties, setCounties] = useState<{ id: number; name: string }[]>([]);
  const [countyId, setCountyId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<Outcome | null>(null);
  const [done, setDone] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api
      .resourceAction({ resourceId: resource.id, actionName: action.name })
      .then((res) => {
        setCounties((res.data as { counties?: { id: number; name: string }[] }).counties ?? []);
      })
      .catch(() => setCounties([]));
  }, [resource.id, action.name]);

  const send = async (dryRun: boolean): Promise<Outcome> => {
    const query = new URLSearchParams({ dryRun: dryRun ? '1' : '0' });
    if (countyId) query.set('countyId', countyId);
    const res = await fetch(`${FILES}/import?${query}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      body: file,
      credentials: 'same-origin',
    });
    const json = (await res.json()) as Outcome;
    return res.ok ? json : { rows: 0, problems: [], imported: false, error: json.error ?? '导入失败' };
  };

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    try {
      const outcome = await send(dryRun);
      if (dryRun) {
        setChecked(outcome);
        setDone(null);
      } else {
        setDone(outcome);
        if (!outcome.imported) setChecked(outcome);
      }
    } catch {
      setChecked({ rows: 0, problems: [], imported: false, error: '上传失败，请检查网络后重试' });
    } finally {
      setBusy(false);
    }
  };

  const needCounty = counties.length > 0;
  const templateHref = `${FILES}/template.xlsx${countyId ? `?countyId=${countyId}` : ''}`;
  return (
    <Box variant="container" data-testid="agent-import">
      <H4>从Excel导入代理员</H4>
      <Text mb="lg">
        1. 下载模板，按列填写：姓名、性别、身份证号、手机、乡镇/街道、村/社区、选聘日期。2.
        上传后系统先逐行检查，不写入任何数据。 3.
        全部无误后点“确认导入”，所有行一次写入；只要有一行有误，就一行也不导入。
      </Text>
      {needCounty && (
        <Box mb="lg">
          <Label required htmlFor="import-county">
            导入到县（市、区）
          </Label>
          <select
            id="import-county"
            value={countyId}
            onChange={(e) => {
              setCountyId(e.target.value);
              setChecked(null);
              setDone(null);
            }}
            style={{ width: '100%', padding: 8 }}
          >
            <option value="">请选择</option>
            {counties.map((c) => (
              <option key={c.id} value={String(c.id)}>
                {c.name}
              </option>
            ))}
          </select>
        </Box>
      )}
      <Box mb="lg">
        <Button as="a" href={templateHref} variant="outlined">
          下载导入模板
        </Button>
      </Box>
      <Box mb="lg">
        <Label htmlFor="import-file">选择已填写的 Excel 文件（.xlsx）</Label>
        <input
          id="import-file"
          type="file"
          accept=".xlsx"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setChecked(null);
            setDone(null);
          }}
        />
      </Box>
      <Button
        variant="contained"
        disabled={!file || busy || (needCounty && !countyId)}
        onClick={() => run(true)}
        mr="default"
      >
        检查文件
      </Button>
      {checked && !checked.error && checked.problems.length === 0 && !done && (
        <Button variant="contained" color="success" disabled={busy} onClick={() => run(false)}>
          确认导入（{checked.rows} 名）
        </Button>
      )}

      {checked?.error && <MessageBox mt="xl" variant="danger" message={checked.error} />}
      {checked && !checked.error && checked.problems.length === 0 && !done && (
        <MessageBox mt="xl" variant="info" message={`检查通过：共 ${checked.rows} 名代理员可以导入。`} />
      )}
      {checked && checked.problems.length > 0 && (
        <Box mt="xl">
          <MessageBox
            variant="danger"
            message={`有 ${checked.problems.length} 行存在问题，未导入任何数据。请在 Excel 中改正后重新上传。`}
          />
          <SimpleTable
            mt="lg"
            data-testid="import-problems"
            columns={[{ title: '行号', nowrap: true }, { title: '问题' }]}
            rows={checked.problems.map((p) => ({ key: p.row, cells: [`第 ${p.row} 行`, p.reasons.join('；')] }))}
          />
        </Box>
      )}
      {done?.imported && (
        <MessageBox mt="xl" variant="success" message={`已导入 ${done.rows} 名代理员。`}>
          <a href={`/admin/resources/${resource.id}`}>返回代理员列表</a>
        </MessageBox>
      )}
    </Box>
  );
};

export default AgentImport;
