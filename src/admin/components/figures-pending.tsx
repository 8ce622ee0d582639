import { Box, Text } from '@adminjs/design-system';
import React from 'react';

/** A page of figures before they are read: 正在统计…, or why they could not be. */
export const FiguresPending: React.FC<{ error?: string }> = ({ error }) => (
  <Box variant="container">
    <Text>{error ?? '正在统计…'}</Text>
  </Box>
);
