import { Box, Text } from '@adminjs/design-system';
import { useTranslation, type BasePropertyProps } from 'adminjs';
import React from 'react';

/** 'YYYY-MM-DD' of a stored value: the calendar day the server keeps ('2026-11-05' or its UTC-midnight ISO form). */
const calendarDay = (value: unknown) =>
  typeof value === 'string' ? (/^\d{4}-\d{2}-\d{2}/.exec(value)?.[0] ?? '') : '';

/**
 * A `date` column in lists and on record pages: the calendar day, as stored. AdminJS showed it as a
 * local date-time, "2026-11-05 08:00" in China.
 */
const DateValue: React.FC<BasePropertyProps> = ({ property, record, where }) => {
  const { translateProperty } = useTranslation();
  const day = calendarDay(record?.params?.[property.path]);
  if (where === 'list') return <span>{day}</span>;
  return (
    <Box mb="xl">
      <Text variant="sm" color="grey60" mb="sm">
        {translateProperty(property.label, property.resourceId)}
      </Text>
      <Text>{day}</Text>
    </Box>
  );
};

export default DateValue;
