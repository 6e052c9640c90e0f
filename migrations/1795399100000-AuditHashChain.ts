import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit rows are sealed into a hash chain after they commit: each sealed row gets the next chain
 * position, the previous row's hash and its own hash over its content. Sealing after commit (not in the
 * inserting transaction) keeps audit writes from queuing behind one lock, and a row is never chained
 * before a row that committed later. The append-only trigger now allows exactly one change: sealing.
 */
export class AuditHashChain1795399100000 implements MigrationInterface {
  name = 'AuditHashChain1795399100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_event" ADD "chain_seq" bigint`);
    await queryRunner.query(`ALTER TABLE "audit_event" ADD "prev_hash" character(64)`);
    await queryRunner.query(`ALTER TABLE "audit_event" ADD "hash" character(64)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_audit_event_chain_seq" ON "audit_event" ("chain_seq") `);
    await queryRunner.query(`CREATE INDEX "ix_audit_event_unsealed" ON "audit_event" ("id") WHERE chain_seq IS NULL`);
    // the content a row's hash covers: every column but the chain's own, in a fixed text form
    await queryRunner.query(`CREATE FUNCTION audit_event_content(e audit_event) RETURNS text LANGUAGE sql IMMUTABLE AS $$
      SELECT concat_ws(E'\\x1f', e.id::text, to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
        coalesce(e.actor_user_id::text, '-'), coalesce(e.actor_role, '-'), e.action, e.subject_type, coalesce(e.subject_id, '-'),
        coalesce(e.child_id::text, '-'), coalesce(e.request_id, '-'), coalesce(e.ip, '-'), e.details::text) $$`);
    await queryRunner.query(`CREATE FUNCTION audit_event_hash(prev text, e audit_event) RETURNS text LANGUAGE sql IMMUTABLE AS $$
      SELECT encode(sha256(convert_to(coalesce(prev, repeat('0', 64)) || E'\\x1e' || audit_event_content(e), 'UTF8')), 'hex') $$`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.chain_seq IS NULL AND NEW.chain_seq IS NOT NULL
           AND audit_event_content(NEW) = audit_event_content(OLD)
           AND NEW.hash = audit_event_hash(NEW.prev_hash, NEW) THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_event is append-only';
      END $$`);
    // seals up to max_rows committed rows in id order; one sealer at a time
    await queryRunner.query(`CREATE FUNCTION audit_seal(max_rows integer) RETURNS integer LANGUAGE plpgsql AS $$
      DECLARE
        last_seq bigint;
        last_hash text;
        r audit_event;
        n integer := 0;
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('audit_seal'));
        SELECT chain_seq, hash INTO last_seq, last_hash FROM audit_event WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1;
        last_seq := coalesce(last_seq, 0);
        FOR r IN SELECT * FROM audit_event WHERE chain_seq IS NULL ORDER BY id LIMIT max_rows LOOP
          last_seq := last_seq + 1;
          UPDATE audit_event SET chain_seq = last_seq, prev_hash = last_hash, hash = audit_event_hash(last_hash, r) WHERE id = r.id;
          last_hash := audit_event_hash(last_hash, r);
          n := n + 1;
        END LOOP;
        RETURN n;
      END $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION audit_seal(integer)`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit_event is append-only'; END $$`);
    await queryRunner.query(`DROP FUNCTION audit_event_hash(text, audit_event)`);
    await queryRunner.query(`DROP FUNCTION audit_event_content(audit_event)`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_event_unsealed"`);
    await queryRunner.query(`DROP INDEX "public"."uq_audit_event_chain_seq"`);
    await queryRunner.query(`ALTER TABLE "audit_event" DROP COLUMN "hash"`);
    await queryRunner.query(`ALTER TABLE "audit_event" DROP COLUMN "prev_hash"`);
    await queryRunner.query(`ALTER TABLE "audit_event" DROP COLUMN "chain_seq"`);
  }
}
