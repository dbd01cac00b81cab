/**
 * What a closed session shows: a committee re-rating (a handful of members, docs/domain.md "Vote") shows each
 * project's outcome, never the counts that would tell who rated how.
 */
export function publishedRatingResult(session: { kind: string; result: unknown }): unknown {
  if (session.kind !== 'committee' || !session.result || typeof session.result !== 'object') return session.result;
  const projects = (session.result as { projects?: { projectId: string; outcome: string }[] }).projects ?? [];
  return { outcomeOnly: true, projects: projects.map(({ projectId, outcome }) => ({ projectId, outcome })) };
}
