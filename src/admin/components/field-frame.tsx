import { FormGroup, FormMessage, Label, Text } from '@adminjs/design-system';
import { useTranslation, type EditPropertyProps } from 'adminjs';
import React from 'react';

/**
 * A custom edit field framed as AdminJS frames its own: the property's label (marked when required), the
 * field, a note under it, the error the last save left on it, then whatever goes `below` the field.
 */
export const FieldFrame: React.FC<
  Pick<EditPropertyProps, 'property' | 'record'> & React.PropsWithChildren<{ note?: string; below?: React.ReactNode }>
> = ({ property, record, note, below, children }) => {
  const { translateProperty, tm } = useTranslation();
  const error = record.errors?.[property.path];
  return (
    <FormGroup error={Boolean(error)}>
      <Label required={property.isRequired} htmlFor={property.path}>
        {translateProperty(property.label, property.resourceId)}
      </Label>
      {children}
      {note && (
        <Text variant="sm" color="grey60">
          {note}
        </Text>
      )}
      <FormMessage>{error && tm(error.message, property.resourceId)}</FormMessage>
      {below}
    </FormGroup>
  );
};
