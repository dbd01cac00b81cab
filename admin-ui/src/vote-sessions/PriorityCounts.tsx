import type { PriorityCounts as Counts } from '@domain/election';
import { prioritySchema } from '@domain/election';
import { useTranslate } from 'react-admin';

/**
 * How many ballots gave a candidate each priority (docs/domain.md, "Vote"): a dash when the result is outcome
 * only or a paper count's tellers did not total the priorities.
 */
export const PriorityCounts = ({ counts }: { counts: Counts | undefined }) => {
  const translate = useTranslate();
  if (!counts) return <>—</>;
  return (
    <>
      {prioritySchema.options
        .map((priority) => `${translate(`app.ballot.priority.${priority}`)} ${counts[priority]}`)
        .join(' · ')}
    </>
  );
};
