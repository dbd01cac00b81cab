import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { useNotify, useRefresh, useTranslate } from 'react-admin';
import { errorMessage } from '../common/errorMessage';
import { useAppDataProvider } from '../providers/dataProvider';
import type { Attendance } from './types';

/**
 * 签到: the office ticks the deputies who signed in at the sitting. Only they may vote, and their number is the
 * quorum count (two thirds of the deputies entitled) the vote opens and closes on.
 */
export const AttendanceDialog = ({ batchId }: { batchId: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [attendance, setAttendance] = useState<Attendance | null>(null);
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [saving, setSaving] = useState(false);
  const dataProvider = useAppDataProvider();

  useEffect(() => {
    if (!open) return;
    dataProvider
      .getAttendance(batchId)
      .then(({ data: read }) => {
        setAttendance(read);
        setTicked(new Set(read.present.map((p) => p.deputyUserId)));
      })
      .catch((error: unknown) => notify(errorMessage(error), { type: 'error' }));
  }, [open, batchId, dataProvider, notify]);

  const toggle = (id: string) =>
    setTicked((was) => {
      const next = new Set(was);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const save = async () => {
    setSaving(true);
    try {
      await dataProvider.recordAttendance(batchId, [...ticked]);
      notify('app.vote_integrity.attendance.saved', { type: 'success', messageArgs: { count: ticked.size } });
      setOpen(false);
      refresh();
    } catch (error) {
      const message = errorMessage(error);
      notify(message, { type: 'error', messageArgs: { _: message } });
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Button variant="outlined" onClick={() => setOpen(true)}>
        {translate('app.vote_integrity.attendance.label')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" aria-labelledby="attendance-title">
        <DialogTitle id="attendance-title">{translate('app.vote_integrity.attendance.label')}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 1 }}>
            {translate('app.vote_integrity.attendance.help', { count: ticked.size })}
          </Typography>
          {attendance?.deputies.map((d) => (
            <FormControlLabel
              key={d.id}
              control={<Checkbox checked={ticked.has(d.id)} onChange={() => toggle(d.id)} />}
              label={d.displayName}
            />
          ))}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" disabled={saving || !attendance} onClick={() => void save()}>
            {translate('app.vote_integrity.attendance.save')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
