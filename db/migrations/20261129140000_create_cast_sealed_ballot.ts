import { type Kysely, sql } from 'kysely';

// Frozen in time: no application imports.
//
// Casting a sealed ballot in one round trip (README.md, "Benchmarks", congress-vote): the transaction the API
// ran as five statements, as one function. It keeps that transaction's order: the session row is share-locked
// first, so a close waits for ballots being cast; every later statement takes a fresh snapshot (a volatile
// function at READ COMMITTED), so it sees whatever a closer committed before the lock was granted. It runs
// with its caller's privileges. The ballot was sealed to the key the caller names, so it is cast only if that is
// still the session's key. It only answers whether the ballot was cast; a refusal is explained by the API, which
// runs its own checks again.
export async function up<DB>(db: Kysely<DB>): Promise<void> {
  await sql`
    create function cast_sealed_ballot(
      p_session_id text,
      p_deputy_user_id text,
      p_receipt_code text,
      p_ballot_id uuid,
      p_sealed bytea,
      p_box_public_key text
    ) returns boolean
    language plpgsql volatile security invoker
    set search_path = public
    as $$
    begin
      perform 1 from vote_sessions
        where id = p_session_id and status = 'open' and box_opened_at is null and box_public_key = p_box_public_key
        for share;
      if not found then
        return false;
      end if;
      if exists (select 1 from vote_close_checks where session_id = p_session_id)
        or exists (select 1 from vote_teller_totals where session_id = p_session_id)
        or not exists (
          select 1 from vote_attendance a join vote_sessions s on s.batch_id = a.batch_id
          where s.id = p_session_id and a.deputy_user_id = p_deputy_user_id
        )
      then
        return false;
      end if;
      insert into ballot_receipts (session_id, deputy_user_id, receipt_code)
        values (p_session_id, p_deputy_user_id, p_receipt_code)
        on conflict (session_id, deputy_user_id) do nothing;
      if not found then
        return false;
      end if;
      insert into sealed_ballots (id, session_id, sealed) values (p_ballot_id, p_session_id, p_sealed);
      return true;
    end;
    $$
  `.execute(db);
}

export async function down<DB>(db: Kysely<DB>): Promise<void> {
  await sql`drop function if exists cast_sealed_ballot(text, text, text, uuid, bytea, text)`.execute(db);
}
