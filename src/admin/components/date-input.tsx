import { Input } from '@adminjs/design-system';
import type { EditPropertyProps } from 'adminjs';
import React from 'react';
import { FieldFrame } from './field-frame.js';

/** 'YYYY-MM-DD' of a stored value: the calendar day the server keeps ('2026-11-05' or its UTC-midnight ISO form). */
function calendarDay(value: unknown): string {
  return typeof value === 'string' ? (/^\d{4}-\d{2}-\d{2}/.exec(value)?.[0] ?? '') : '';
}

/**
 * The edit field of every `date` column (受理日期, 审核日期 …): the browser's own date input, which speaks
 * the user's language and posts the calendar day itself. AdminJS's picker posted the local midnight as a
 * UTC instant, one day early in China (UTC+8), and showed an English calendar with a time row.
 */
const DateInput: React.FC<EditPropertyProps> = ({ property, record, onChange }) => {
  return (
    <FieldFrame property={property} record={record} note={property.description}>
      <Input
        id={property.path}
        name={property.path}
        type="date"
        width={1}
        disabled={property.isDisabled}
        value={calendarDay(record.params?.[property.path])}
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange(property.path, e.target.value)}
      />
    </FieldFrame>
  );
};

export default DateInput;
