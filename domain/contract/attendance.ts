import { z } from 'zod';
import { closeConfirmationSchema, tellerTotalsSchema } from '../voteIntegrity';
import { openVoteSchema } from './batches';

/** The deputies the office saw sign in at the sitting; the list replaces the one before. */
export const attendanceSchema = z.object({
  deputyUserIds: z.array(z.string().min(1).max(100)).max(5000),
});

/** Deputies present come from the attendance; a number given beside it must agree with it. */
export const openVoteWithAttendanceSchema = openVoteSchema.extend({
  deputiesPresent: z.number().int().min(0).optional(),
});

export const closeVoteSchema = z.object({
  /** Required when not every deputy present has voted: the counts the office saw when it chose to close. */
  confirmIncomplete: closeConfirmationSchema.optional(),
});

export const tellerTotalsBodySchema = tellerTotalsSchema;
