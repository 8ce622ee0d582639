import { Box, Button, Text } from '@adminjs/design-system';
import type { ActionProps } from 'adminjs';
import React from 'react';
import { useLocation } from 'react-router';
import { ActionHeading } from './action-heading.js';

/**
 * A download offered by an action. AdminJS actions answer with JSON, so the file itself comes from an
 * Express route: `custom.href` with `{id}` for the record; a list action passes on the list's filters.
 */
const FileLink: React.FC<ActionProps> = ({ action, record, resource }) => {
  const custom = (action.custom ?? {}) as { href: string; label?: string; intro?: string; keepFilters?: boolean };
  const location = useLocation();
  let href = custom.href.replace('{id}', encodeURIComponent(String(record?.id ?? '')));
  if (custom.keepFilters && location.search) href += (href.includes('?') ? '&' : '?') + location.search.slice(1);
  return (
    <Box variant="container">
      <ActionHeading action={action} resource={resource} record={record} />
      {custom.intro && <Text mb="xl">{custom.intro}</Text>}
      <Button as="a" href={href} variant="contained" data-testid={`file-link-${action.name}`}>
        {custom.label ?? '下载'}
      </Button>
    </Box>
  );
};

export default FileLink;
