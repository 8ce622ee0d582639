import { FormGroup, Input, Label } from '@adminjs/design-system';
import { useTranslation, type FilterPropertyProps } from 'adminjs';
import React from 'react';

// AdminJS's range keys: `<path>~~from` and `<path>~~to`.
const SEPARATOR = '~~';

/**
 * The list filter of every `date` column, as a from–to pair of the browser's own date inputs: they send
 * the calendar day typed (AdminJS's picker sent local midnight as UTC, one day early in China) and show
 * a Chinese calendar instead of an English one.
 */
const DateRangeFilter: React.FC<FilterPropertyProps> = ({ property, filter, onChange }) => {
  const { translateProperty } = useTranslation();
  const keys = { from: `${property.path}${SEPARATOR}from`, to: `${property.path}${SEPARATOR}to` };
  const day = (key: string) => (typeof filter?.[key] === 'string' ? String(filter[key]).slice(0, 10) : '');
  return (
    <FormGroup variant="filter">
      <Label>{translateProperty(property.label, property.resourceId)}</Label>
      {(['from', 'to'] as const).map((end) => (
        <React.Fragment key={end}>
          <Label mt="default">{`- ${translateProperty(end)}：`}</Label>
          <Input
            type="date"
            width={1}
            value={day(keys[end])}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange(keys[end], e.target.value)}
          />
        </React.Fragment>
      ))}
    </FormGroup>
  );
};

export default DateRangeFilter;
