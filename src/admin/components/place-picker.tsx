import { FormGroup, Label, Text } from '@adminjs/design-system';
import { useCurrentAdmin, useTranslation, type EditPropertyProps } from 'adminjs';
import React from 'react';
import { FieldFrame } from './field-frame.js';
import { keepingCurrent, useChoices } from './use-choices.js';

/**
 * The edit field of a place or an agent (`custom.choices`: county, township, village, agent): only the
 * choices of the right level, within the chosen county or township (`custom.parent`, the field it depends
 * on) — a township field lists the townships of the case's county, not every place of the city; the agent
 * field lists the agents who may take the case: on its acceptance day when it is new (the day the server
 * checks), today when the agent of a case on file is changed. A county's staff see their own county as
 * fixed text.
 */
const PlacePicker: React.FC<EditPropertyProps> = ({ property, record, onChange }) => {
  const { translateProperty } = useTranslation();
  const [currentAdmin] = useCurrentAdmin();
  const custom = (property.custom ?? {}) as { choices: string; parent?: string; hint?: string };
  const parentValue = custom.parent ? String(record.params?.[custom.parent] ?? '') : '';
  const value = String(record.params?.[property.path] ?? '');
  const ownCounty = (currentAdmin as { countyId?: number | null } | null)?.countyId;
  const label = translateProperty(property.label, property.resourceId);
  const fixedCounty = custom.choices === 'county' && ownCounty != null;

  const on = custom.choices === 'agent' && !record.id ? String(record.params?.acceptedOn ?? '') : '';
  const choices = useChoices(custom.choices, { ...(custom.parent ? { parent: parentValue } : {}), on }, !fixedCounty);

  if (fixedCounty)
    return (
      <FormGroup>
        <Label>{label}</Label>
        <Text>{record.populated?.[property.path]?.title ?? '本县（市、区）'}（保存时自动填为本县）</Text>
      </FormGroup>
    );

  // a value saved before (e.g. an agent whose certificate has since lapsed) stays visible, marked
  const current = record.populated?.[property.path]?.title;
  const options = keepingCurrent(choices, value, current, '（不在可选范围内，请重新选择）');
  // a county's staff work in their own county: what depends on the county needs no choice of it first
  const waiting = Boolean(custom.parent && !parentValue && !(custom.parent === 'countyId' && ownCounty != null));

  return (
    <FieldFrame property={property} record={record} note={custom.hint ?? property.description}>
      <select
        id={property.path}
        name={property.path}
        value={value}
        disabled={property.isDisabled || waiting}
        onChange={(e) => onChange(property.path, e.target.value)}
        style={{ width: '100%', padding: 8, fontSize: 14 }}
        data-testid={`picker-${property.path}`}
      >
        <option value="">{waiting ? '请先选择上一级' : choices === null ? '正在读取…' : '请选择'}</option>
        {options.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
};

export default PlacePicker;
