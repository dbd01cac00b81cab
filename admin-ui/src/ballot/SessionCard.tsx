import { Box, Card, CardActions, CardContent, Chip, Typography, Button } from '@mui/material';
import type { ReactNode } from 'react';
import { LinkBase, useTranslate } from 'react-admin';

interface SessionCardProps {
  to: string;
  title: string;
  subtitle: ReactNode;
  open: boolean;
  done: boolean;
  /** i18n keys of the chip saying the user took part, and of the button. */
  doneLabel: string;
  actionLabel: string;
}

/** One vote or rating session in a deputy's list: a card with one big button, readable on a phone. */
export const SessionCard = ({ to, title, subtitle, open, done, doneLabel, actionLabel }: SessionCardProps) => {
  const translate = useTranslate();
  return (
    <Card component="article" aria-label={title} variant="outlined">
      <CardContent sx={{ pb: 1 }}>
        <Typography variant="h6" component="h2" sx={{ overflowWrap: 'anywhere' }}>
          {title}
        </Typography>
        <Typography variant="body2" color="text.secondary" component="div" sx={{ overflowWrap: 'anywhere' }}>
          {subtitle}
        </Typography>
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mt: 1 }}>
          <Chip
            size="small"
            color={open ? 'primary' : 'default'}
            label={translate(open ? 'app.ballot.status.open' : 'app.ballot.status.closed')}
          />
          {done ? <Chip size="small" color="success" label={translate(doneLabel)} /> : null}
        </Box>
      </CardContent>
      <CardActions sx={{ px: 2, pb: 2 }}>
        <Button
          component={LinkBase}
          to={to}
          variant={open && !done ? 'contained' : 'outlined'}
          size="large"
          fullWidth
          sx={{ minHeight: 48 }}
        >
          {translate(actionLabel)}
        </Button>
      </CardActions>
    </Card>
  );
};
