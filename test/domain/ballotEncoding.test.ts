import { describe, expect, it } from 'vitest';
import {
  decodeBallot,
  decodeRatingSheet,
  encodeBallot,
  encodedBallotProblem,
  encodedRatingSheetProblem,
  encodeRatingSheet,
  everyEncodedBallot,
  ballotRequestBody,
  ratingRequestBody,
} from '../../domain/ballotEncoding';

const candidates = ['cand-b', 'cand-a', 'cand-c'];

describe('the fixed-length ballot encoding', () => {
  it('puts every candidate once in the session order, whatever order and subset the client marked', () => {
    const encoded = encodeBallot(
      [
        { candidateId: 'cand-c', choice: 'disapprove' },
        { candidateId: 'cand-b', choice: 'approve', priority: 'veryNecessary' },
      ],
      candidates,
    );
    expect(encoded).toBe('a1s0d0');
    expect(decodeBallot(encoded, candidates)).toEqual({
      marks: [
        { candidateId: 'cand-b', choice: 'approve', priority: 'veryNecessary' },
        { candidateId: 'cand-a', choice: 'abstain' },
        { candidateId: 'cand-c', choice: 'disapprove' },
      ],
    });
  });

  it('gives two ballots in a different order the same encoding', () => {
    const marks = [
      { candidateId: 'cand-a', choice: 'approve' as const },
      { candidateId: 'cand-b', choice: 'disapprove' as const },
      { candidateId: 'cand-c', choice: 'approve' as const, priority: 'ordinary' as const },
    ];
    expect(encodeBallot([...marks].reverse(), candidates)).toBe(encodeBallot(marks, candidates));
  });

  it('has one length for every possible ballot of a session, and decodes each back to itself', () => {
    const all = everyEncodedBallot(3);
    expect(all).toHaveLength(12 ** 3);
    expect(new Set(all.map((e) => e.length))).toEqual(new Set([6]));
    for (const e of all) {
      expect(encodedBallotProblem(e, candidates)).toBeUndefined();
      expect(encodeBallot(decodeBallot(e, candidates).marks, candidates)).toBe(e);
    }
  });

  it('refuses another length, an unknown code, an unknown candidate or a candidate marked twice', () => {
    expect(encodedBallotProblem('a0d0', candidates)).toMatch(/exactly 6 characters/);
    expect(encodedBallotProblem('a0d0s9', candidates)).toMatch(/candidate 3 \("s9"\) is not a choice/);
    expect(() => decodeBallot('a0d0', candidates)).toThrow(/exactly 6 characters/);
    expect(() => encodeBallot([{ candidateId: 'cand-x', choice: 'approve' }], candidates)).toThrow(/not a candidate/);
    expect(() =>
      encodeBallot(
        [
          { candidateId: 'cand-a', choice: 'approve' },
          { candidateId: 'cand-a', choice: 'disapprove' },
        ],
        candidates,
      ),
    ).toThrow(/marked twice/);
  });
});

describe('the fixed-length rating sheet', () => {
  const projects = ['project-2', 'project-1'];

  it('lists every project once in the session order', () => {
    const sheet = encodeRatingSheet(
      [
        { projectId: 'project-1', choice: 'unsatisfied' },
        { projectId: 'project-2', choice: 'basicallySatisfied' },
      ],
      projects,
    );
    expect(sheet).toBe('bu');
    expect(decodeRatingSheet(sheet, projects)).toEqual([
      { projectId: 'project-2', choice: 'basicallySatisfied' },
      { projectId: 'project-1', choice: 'unsatisfied' },
    ]);
  });

  it('refuses a sheet missing a project, of another length or with an unknown code', () => {
    expect(() => encodeRatingSheet([{ projectId: 'project-1', choice: 'satisfied' }], projects)).toThrow(
      /"project-2" is not rated/,
    );
    expect(encodedRatingSheetProblem('s', projects)).toMatch(/exactly 2 characters/);
    expect(encodedRatingSheetProblem('sx', projects)).toMatch(/project 2 \("x"\) is not a rating/);
    expect(encodedRatingSheetProblem('us', projects)).toBeUndefined();
  });
});

describe('request bodies', () => {
  it('are the same number of bytes for every ballot of a session, marked fully or in part', () => {
    const lengths = new Set<number>();
    for (const encoded of everyEncodedBallot(3)) {
      const { marks } = decodeBallot(encoded, candidates);
      lengths.add(Buffer.byteLength(ballotRequestBody(marks, candidates)));
      // The same choices sent in another order, or with abstentions left out, make the same body.
      const sent = [...marks].reverse().filter((m) => m.choice !== 'abstain' || m.priority);
      expect(ballotRequestBody(sent, candidates)).toBe(ballotRequestBody(marks, candidates));
    }
    expect([...lengths]).toEqual([Buffer.byteLength('{"ballot":"a0a0a0"}')]);
  });

  it('are the same number of bytes for every rating sheet of a session', () => {
    const projects = ['project-1', 'project-2'];
    const choices = ['satisfied', 'basicallySatisfied', 'unsatisfied'] as const;
    const lengths = new Set<number>();
    for (const first of choices)
      for (const second of choices)
        lengths.add(
          Buffer.byteLength(
            ratingRequestBody(
              [
                { projectId: 'project-2', choice: second },
                { projectId: 'project-1', choice: first },
              ],
              projects,
            ),
          ),
        );
    expect([...lengths]).toEqual([Buffer.byteLength('{"sheet":"ss"}')]);
  });
});
